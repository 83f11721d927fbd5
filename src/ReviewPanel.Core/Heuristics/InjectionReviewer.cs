using System.Text.RegularExpressions;
using ReviewPanel.Profiles;
using ReviewPanel.Reviewing;

namespace ReviewPanel.Heuristics;

/// <summary>
/// Finds instructions aimed at reviewers or models inside the profile (prompt injection): requests to ignore
/// instructions or the rubric, to take a role, to give a score or pass the profile, to answer in a given form, and
/// chat-template role tokens. It scores no dimension; what it finds goes to <see cref="Review.Injections"/>, and a
/// grounded injection fails the profile. Patterns need an object that only a reader-directed instruction has, so
/// ordinary uses ("never ignores alerts", "disregards noisy pages") stay clean.
/// </summary>
public sealed partial class InjectionReviewer : IReviewer
{
    private static readonly (Regex Pattern, string Note)[] Rules =
    [
        (IgnoreInstructions(), "Asks the reader to ignore its instructions."),
        (RoleAssignment(), "Assigns the reader a role."),
        (ScoreRequest(), "Asks for a score or a verdict."),
        (AddressedToReviewer(), "Addresses the reviewer or model directly."),
        (OutputControl(), "Dictates the reader's output."),
        (RoleToken(), "Chat-template role marker."),
    ];

    public ReviewerDescriptor Descriptor { get; } = new("heuristic.injection", "1", HeuristicText.Kind, []);

    public Task<Review> ReviewAsync(RoleProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var injections = new List<Evidence>();
        foreach (var layer in profile.Layers)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (pattern, note) in Rules)
            {
                foreach (var (match, quote) in HeuristicText.FindAll(layer, pattern))
                {
                    // One instruction often trips several rules, with overlapping quotes; report it once per layer.
                    if (!Overlaps(seen, quote) && seen.Add(quote)) injections.Add(new Evidence(layer.Key, quote, $"{note} (\"{match.Trim()}\")"));
                }
            }
            foreach (var line in HeuristicText.Lines(layer).Where(l => SpeakerLine().IsMatch(l)))
            {
                var quote = line.Trim();
                if (!Overlaps(seen, quote) && seen.Add(quote)) injections.Add(new Evidence(layer.Key, quote, "A chat-transcript speaker line."));
            }
        }

        var rationale = "Scanned every layer for instructions aimed at reviewers or models (ignore instructions, role "
            + "assignment, score or pass requests, output control, chat role tokens)"
            + (injections.Count == 0 ? "; found none." : $"; found {HeuristicText.Plural(injections.Count, "instruction")}.");
        return Task.FromResult(HeuristicText.Review(Descriptor, rationale) with { Injections = injections });
    }

    private static bool Overlaps(IEnumerable<string> seen, string quote) =>
        seen.Any(s => s.Contains(quote, StringComparison.Ordinal) || quote.Contains(s, StringComparison.Ordinal));

    // All patterns but SpeakerLine run on normalized (lower-cased, whitespace-collapsed) text. Objects are
    // restricted to what only a reader-directed instruction has ("previous instructions", "the rubric"), so
    // "ignore noisy alerts", "runbook instructions" or "designs system prompts" stay clean.
    [GeneratedRegex(@"\b(?:ignore|disregard|forget|do not follow|don't follow|stop following|override)\s+(?:all\s+|any\s+)?(?:(?:the|your|my|these|those|previous|prior|above|earlier|preceding|original|initial|former|other|existing|scoring|review|reviewer's?)\s+){0,3}(?:instructions?|rubric|scoring guide|system (?:message|prompt))\b|\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+)?(?:the\s+|your\s+)?(?:previous|prior|above|earlier|preceding|original|initial|scoring|review|your)\s+(?:\w+\s+)?(?:rules|guidelines|criteria|directions|context)\b|\b(?:ignore|disregard|forget)\s+(?:everything|anything|all)\s+(?:above|before|earlier|previously|prior|you were told|else)\b|\b(?:ignore|disregard|forget)\s+(?:the|all of the|all the)\s+above\b|\b(?:new|updated|real|actual|hidden|secret)\s+instructions?\s*:|\b(?:your|new|updated|real|actual|hidden|original)\s+system prompt\b|\bsystem prompt\s*:|\bdeveloper (?:message|prompt)\s*:")]
    private static partial Regex IgnoreInstructions();

    [GeneratedRegex(@"\byou are (?:now |an? |the |acting as )*(?:ai|a\.i\.|assistant|chatbot|language model|llm|gpt|chatgpt|claude|reviewer|evaluator|grader|judge|rater|examiner)s?\b|\bas an? (?:ai|a\.i\.)(?:\s+(?:language model|model|assistant|system)\b|\s*[,.:;!]|$)|\bas an? (?:large )?language model\b|\b(?:act|behave|respond|pretend) as (?:an? |the )?(?:ai|assistant|reviewer|evaluator|grader|judge)\b")]
    private static partial Regex RoleAssignment();

    [GeneratedRegex(@"\b(?:score|rate|grade|mark|evaluate|assess|judge)\s+(?:this|the)\s+(?:role\s+)?(?:profile|page|document|submission|draft)\b|\b(?:score|rate|grade|give|assign|award|mark)\s+(?:this|it|the profile|this profile|the role|me)\s+(?:(?:a|an|as|at|with)\s+)?(?:[1-5](?:\s*/\s*5|\s*out of\s*(?:5|five))?|five|full marks|top marks|(?:the\s+)?(?:highest|maximum|top|perfect) (?:score|rating|marks?)|perfect|excellent)(?!\w)|\b(?:pass|approve|accept)\s+(?:this|the)\s+(?:role\s+)?(?:profile|page|document|submission)\b|\b(?:this|the)\s+(?:role\s+)?(?:profile|page|document)\s+(?:must|should|will|deserves to)\s+(?:pass|be approved|be accepted|score)\b|\b(?:mark|flag)\s+(?:this|it)\s+as\s+(?:pass(?:ed|ing)?|approved|accepted)\b|\b(?:5|five)\s*(?:/\s*5|out of\s*(?:5|five))\s+(?:on|for|in)\s+(?:all|every|each)\b")]
    private static partial Regex ScoreRequest();

    [GeneratedRegex(@"\b(?:note|message|instructions?|hint)\s+(?:to|for)\s+(?:the\s+|any\s+|all\s+)?(?:ai|a\.i\.|llm|language model|ai model|reviewer|evaluator|grader|judge|rater|scorer)s?\b|\b(?:dear|hey|hello)\s+(?:ai|llm|model|reviewer|evaluator|grader|assistant|chatgpt|gpt|claude)\b|\b(?:ai|llm|model|automated)\s+(?:reviewers?|evaluators?|graders?|judges?)\s*(?:should|must|:)|^(?:reviewers?|evaluators?|graders?)\s*:|\b(?:to|for) (?:the )?(?:reviewers?|evaluators?|graders?)\s*:")]
    private static partial Regex AddressedToReviewer();

    [GeneratedRegex(@"\b(?:output|respond|reply|answer|return|print|say|write)\s+(?:with\s+)?only\b(?=[^.]{0,30}\b(?:json|score|scores|pass|yes|approved|number|word|verdict|\d)\b|\s*[""':])|\bdo not (?:mention|flag|penalize|penalise)\s+(?:any\s+)?(?:issues|problems|defects|weaknesses|findings|this)\b")]
    private static partial Regex OutputControl();

    [GeneratedRegex(@"<\|[a-z_]+\|>|\[/?inst\]|<</?sys>>|<\s*/?\s*(?:system|assistant|user)\s*>|#{2,}\s*(?:system|instructions?|assistant|user|response)\s*(?::|\]|$)")]
    private static partial Regex RoleToken();

    // On the raw text: a line that opens like a chat transcript turn.
    [GeneratedRegex(@"^\s*(?:assistant|system prompt)\s*:", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex SpeakerLine();
}
