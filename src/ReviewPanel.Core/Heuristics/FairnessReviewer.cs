using System.Buffers;
using System.Text.RegularExpressions;
using ReviewPanel.Profiles;
using ReviewPanel.Reviewing;

namespace ReviewPanel.Heuristics;

/// <summary>
/// Fairness: exclusionary wording (age, gender, native-speaker, culture-fit clichés), gendered pronouns, and degree
/// or years requirements stated as hard exclusions. Findings are weighted by severity (an age limit or a hard
/// exclusion weighs 5, gender-coded wording 3, a cliché 2, a pronoun 1) and the total sets the score. Degrees and
/// years as such ("BA/BS", "PhD", "8+ years") are normal and not findings.
/// </summary>
public sealed partial class FairnessReviewer : IReviewer
{
    /// <summary>
    /// One pattern; <paramref name="Anchors"/> are substrings every match contains (one of them), so the pattern runs
    /// only on a layer whose normalized text holds one (a vectorized search; most layers hold none). No anchors: it
    /// always runs.
    /// </summary>
    private sealed record Rule(Regex Pattern, int Weight, string Note, params string[] Anchors)
    {
        public SearchValues<string>? AnchorValues { get; } = Anchors.Length == 0 ? null : SearchValues.Create(Anchors, StringComparison.Ordinal);
    }

    private static readonly Rule[] Rules =
    [
        new(AgeLimit(), 5, "Age limit.", "under", "below", "younger than", "older than", "between", "maximum age"),
        new(RecentGraduateRequired(), 5, "Requires recent graduates: excludes by age.", "recent"),
        new(NativeSpeaker(), 5, "Native-speaker requirement: excludes by national origin; ask for fluency instead.", "native", "mother tongue"),
        new(HardExclusion(), 5, "Degree or background stated as a hard exclusion.",
            "degree from", "only", "need not apply", "no exceptions", "not be considered", "rejected", "disqualified", "ineligible"),
        new(AgeCoded(), 3, "Age-coded wording.", "young", "youthful", "digital native"),
        new(GenderedNoun(), 3, "Gendered term; use a neutral one (salesperson, staffing, folks).", "men", "man", "guys"),
        new(BinaryPronounDefault(), 3, "Binary pronoun default (he/she); use 'they' or address the role.", "/", " or "),
        new(CultureCliche(), 2, "Culture-fit cliché that narrows the applicant pool.", "rock", "ninja", "guru", "jedi", "superstar", "work hard"),
        new(GenderedPronoun(), 1, "Gendered pronoun for the role holder."),
    ];

    public ReviewerDescriptor Descriptor { get; } =
        new("heuristic.fairness", "1", HeuristicText.Kind, [Dimensions.Fairness]);

    public Task<Review> ReviewAsync(RoleProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (!profile.Layers.Any(l => HeuristicText.HasWords(l.Text)))
        {
            const string Why = "The profile has no text: nothing to check for exclusionary wording.";
            return Task.FromResult(HeuristicText.Review(Descriptor, Why, DimensionScore.Abstain(Dimensions.Fairness, Why)));
        }
        var weight = 0;
        var evidence = new List<Evidence>();
        foreach (var layer in profile.Layers)
        {
            foreach (var rule in Rules)
            {
                foreach (var (match, quote) in HeuristicText.FindAll(layer, rule.Pattern, rule.AnchorValues))
                {
                    weight += rule.Weight;
                    evidence.Add(new Evidence(layer.Key, quote, $"{rule.Note} (\"{match}\")"));
                }
            }
        }

        var score = weight switch { 0 => 5, <= 2 => 4, <= 4 => 3, <= 7 => 2, _ => 1 };
        const string Checked = "Scanned every layer for age, gender, native-speaker and culture-fit wording, gendered pronouns, "
            + "and degree or years requirements stated as hard exclusions";
        var rationale = evidence.Count == 0
            ? Checked + "; found none."
            : $"{Checked}; {HeuristicText.Plural(evidence.Count, "finding")} weighing {weight}.";
        var result = new DimensionScore(Dimensions.Fairness, score, rationale, evidence);
        return Task.FromResult(HeuristicText.Review(Descriptor, rationale, result));
    }

    // All patterns run on normalized (lower-cased, whitespace-collapsed) text.
    [GeneratedRegex(@"\b(?:candidates?|applicants?|hires?|persons?|people|individuals?|aged?)\s+(?:aged\s+)?(?:under|below|younger than|no older than|not older than|between)\s+\d{2}\b|\b(?:under|below|younger than|no older than)\s+(?:the\s+age\s+of\s+)?\d{2}\s*(?:years?|yrs?)\s*(?:old|of age)\b|\b(?:under|below)\s+the\s+age\s+of\s+\d{2}\b|\bunder[- ]\d{2}s?\s+only\b|\bmaximum age\b")]
    private static partial Regex AgeLimit();

    [GeneratedRegex(@"\b(?:must|should|only|required|requires?|requirement)\b[^.;]{0,40}?\brecent (?:college |university )?grad(?:uate)?s?\b|\brecent (?:college |university )?grad(?:uate)?s? only\b")]
    private static partial Regex RecentGraduateRequired();

    [GeneratedRegex(@"\bnative (?:english |german |french |spanish |language )?speakers?\b|\bnative[- ]english\b|\bmother tongue\b")]
    private static partial Regex NativeSpeaker();

    [GeneratedRegex(@"\bdegree from (?:an? |the )?(?:top|top-tier|tier[- ]?(?:1|one)|elite|prestigious|ivy league|leading|top \d+)\b[^.;]{0,30}?\b(?:universit(?:y|ies)|schools?|colleges?|institutions?)\b|\bonly (?:candidates|applicants|people|those)\b[^.;]{0,30}?\b(?:from|with|under|over|who|graduat)|\bneed not apply\b|\bno exceptions\b|\b(?:without|lacking|no)\s+(?:a\s+)?(?:degree|diploma|bachelor'?s?|master'?s?|phd)\b[^.;]{0,60}?\b(?:not be considered|rejected|disqualified|ineligible)\b")]
    private static partial Regex HardExclusion();

    [GeneratedRegex(@"\b(?:young(?:er)?|youthful)\b|\bdigital natives?\b")]
    private static partial Regex AgeCoded();

    [GeneratedRegex(@"\b(?:sales|chair|fore|work|business|middle|crafts|repair)m[ae]n\b|\bman[- ]?power\b|\bman[- ]hours?\b|\bguys\b")]
    private static partial Regex GenderedNoun();

    [GeneratedRegex(@"\b(?:he/she|she/he|s/he|his/her|her/his|him/her|he or she|she or he|his or her|him or her)\b")]
    private static partial Regex BinaryPronounDefault();

    [GeneratedRegex(@"\b(?:rock ?stars?|ninjas?|gurus?|jedis?|superstars?|work hard,? play hard)\b")]
    private static partial Regex CultureCliche();

    // A lone pronoun: not part of "he/she" or "he or she", which the binary-default rule already counts.
    [GeneratedRegex(@"(?<![/\w])(?<!\b(?:he|she|his|her|him) or )(?:he|him|his|himself|she|her|hers|herself)(?![/\w])(?!\s+or\s+(?:he|she|his|her|him)\b)")]
    private static partial Regex GenderedPronoun();
}
