using System.Globalization;
using System.Text.Json;
using ReviewPanel.Panel;
using ReviewPanel.Provenance;
using ReviewPanel.Reviewing;
using ReviewPanel.Scoring;

namespace ReviewPanel.Probing;

/// <summary>Computes a <see cref="ProbeReport"/> from the two recorded runs of a probe (pure: no store, no clock).</summary>
public static class ProbeReportBuilder
{
    private const int MaxRationale = 240;

    public static ProbeReport Build(RunProvenance probeRun, IReadOnlyList<ProfileReport> originals, IReadOnlyList<ProfileReport> mutantReports)
    {
        ArgumentNullException.ThrowIfNull(probeRun);
        ArgumentNullException.ThrowIfNull(originals);
        ArgumentNullException.ThrowIfNull(mutantReports);
        var settings = probeRun.Settings;
        var mutants = Read(settings, ProbeNames.SettingMutants, ProbeJsonContext.Default.ListMutant) ?? [];
        var declared = Read(settings, ProbeNames.SettingClasses, ProbeJsonContext.Default.ListProbeClassDeclaration) ?? [];
        var unmutated = Read(settings, ProbeNames.SettingUnmutated, ProbeJsonContext.Default.ListProbeUnmutated) ?? [];
        var threshold = settings.TryGetValue("gate.passThreshold", out var t) && double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 4;
        var bySource = mutantReports.GroupBy(r => r.Source, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var originalBySource = originals.GroupBy(r => r.Source, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var reviewers = probeRun.Reviewers.Where(r => r.Kind != "adjudicator").ToList();

        var mismatches = mutants
            .Where(m => bySource.TryGetValue(m.Source, out var r) && m.VersionHash is not null && r.VersionHash is not null && r.VersionHash != m.VersionHash)
            .Select(m => $"{m.Source}: recorded version {bySource[m.Source].VersionHash} but the run planned {m.VersionHash}")
            .Concat(mutants.Where(m => !bySource.ContainsKey(m.Source)).Select(m => $"{m.Source}: planned but no verdict recorded"))
            .ToList();

        var classes = declared.Select(d =>
        {
            var ofClass = mutants.Where(m => m.Class == d.Class && bySource.ContainsKey(m.Source)).ToList();
            return ClassResult(d, ofClass, bySource, originalBySource, reviewers, threshold);
        }).ToList();

        return new ProbeReport
        {
            ProbeRunId = probeRun.RunId,
            OriginalsRunId = settings.GetValueOrDefault(ProbeNames.SettingOriginalsRun, ""),
            Panel = settings.GetValueOrDefault("panel", ""),
            Seed = int.TryParse(settings.GetValueOrDefault(ProbeNames.SettingSeed), CultureInfo.InvariantCulture, out var seed) ? seed : 0,
            PerClass = int.TryParse(settings.GetValueOrDefault(ProbeNames.SettingPerClass), CultureInfo.InvariantCulture, out var per) ? per : 0,
            PassThreshold = threshold,
            Reviewers = reviewers.Select(r => r.Id).ToList(),
            Originals = Originals(originals, mutants, unmutated),
            Classes = classes,
            Mismatches = mismatches,
        };
    }

    private static ProbeOriginals Originals(IReadOnlyList<ProfileReport> originals, List<Mutant> mutants, List<ProbeUnmutated> unmutated)
    {
        var profiles = originals.Select(o =>
        {
            var made = mutants.Count(m => m.OriginalSource == o.Source);
            var why = o.Verdict.Outcome switch
            {
                VerdictOutcome.Fail => "failed as an original",
                VerdictOutcome.Error => $"not judged: {o.Verdict.Error}",
                _ => unmutated.FirstOrDefault(u => u.Source == o.Source)?.Reason,
            };
            return new ProbeOriginal(o.Source, o.ProfileId, Outcome(o.Verdict.Outcome), o.Verdict.Failing, made, made > 0 ? null : why);
        }).ToList();
        var failed = originals.Count(o => o.Verdict.Outcome == VerdictOutcome.Fail);
        var passed = originals.Count(o => o.Verdict.Outcome == VerdictOutcome.Pass);
        return new ProbeOriginals
        {
            Reviewed = originals.Count,
            Passed = passed,
            Failed = failed,
            Errored = originals.Count - passed - failed,
            FalseFailRate = passed + failed == 0 ? null : (double)failed / (passed + failed),
            Profiles = profiles,
        };
    }

    private static ProbeClassResult ClassResult(ProbeClassDeclaration d, List<Mutant> mutants, Dictionary<string, ProfileReport> reports,
        Dictionary<string, ProfileReport> originals, List<ReviewerDescriptor> reviewers, double threshold)
    {
        var injection = d.ExpectedDimension == Verdict.InjectionRule;
        var onExpected = mutants.Count(m => reports[m.Source].Verdict.Failing.Contains(d.ExpectedDimension, StringComparer.Ordinal));
        var onAny = mutants.Count(m => reports[m.Source].Verdict.Outcome == VerdictOutcome.Fail);
        var errored = mutants.Count(m => reports[m.Source].Verdict.Outcome == VerdictOutcome.Error);
        // Injections are reported by the injection heuristic (it scores no dimension) and by every model reviewer.
        var relevant = reviewers.Where(r => injection
            ? r.Kind == "llm" || r.Dimensions.Count == 0
            : r.Dimensions.Contains(d.ExpectedDimension, StringComparer.Ordinal)).ToList();
        var reviewerResults = relevant.Select(r =>
        {
            var detected = mutants.Count(m => Detected(reports[m.Source], r.Id, d.ExpectedDimension, threshold));
            var originalScores = mutants.Select(m => m.OriginalSource).Distinct(StringComparer.Ordinal)
                .Select(s => originals.TryGetValue(s, out var o) ? Score(o, r.Id, d.ExpectedDimension) : null).OfType<int>().ToList();
            var mutantScores = mutants.Select(m => Score(reports[m.Source], r.Id, d.ExpectedDimension)).OfType<int>().ToList();
            return new ProbeReviewerResult(r.Id, mutants.Count, detected, Rate(detected, mutants.Count),
                originalScores.Count == 0 ? null : originalScores.Average(), mutantScores.Count == 0 ? null : mutantScores.Average());
        }).ToList();
        var misses = mutants
            .Where(m => !reports[m.Source].Verdict.Failing.Contains(d.ExpectedDimension, StringComparer.Ordinal))
            .Select(m => Miss(m, reports[m.Source], relevant, d.ExpectedDimension, injection))
            .ToList();
        var recall = Rate(onExpected, mutants.Count);
        return new ProbeClassResult
        {
            Class = d.Class,
            ExpectedDimension = d.ExpectedDimension,
            OfflineCovered = d.OfflineCovered,
            Mutants = mutants.Count,
            FailedOnExpected = onExpected,
            FailedOnAny = onAny,
            Errored = errored,
            Recall = recall,
            RecallAny = Rate(onAny, mutants.Count),
            Reviewers = reviewerResults,
            Misses = misses,
            Summary = Summary(d, mutants.Count, onExpected, onAny, reviewerResults),
        };
    }

    private static string Summary(ProbeClassDeclaration d, int n, int onExpected, int onAny, List<ProbeReviewerResult> reviewers)
    {
        if (n == 0)
        {
            return $"{d.Class}: no mutants (no passing original offered a place for this defect)";
        }
        var best = reviewers.OrderByDescending(r => r.Detected).ThenBy(r => r.Reviewer, StringComparer.Ordinal).FirstOrDefault();
        var who = best is null ? "no reviewer on the panel judges " + d.ExpectedDimension
            : best.Detected == 0 ? "no reviewer flagged it"
            : $"best reviewer {best.Reviewer} {best.Detected}/{n}";
        var verdict = onExpected == n ? "caught every time" : onExpected == 0 ? "BLIND" : "caught sometimes";
        return FormattableString.Invariant($"{d.Class}: {verdict}: {onExpected}/{n} failed on {d.ExpectedDimension}, {onAny}/{n} on any dimension; {who}");
    }

    private static ProbeMiss Miss(Mutant mutant, ProfileReport report, List<ReviewerDescriptor> reviewers, string dimension, bool injection)
    {
        var quotes = reviewers.Select(r =>
        {
            var review = report.Reviews.FirstOrDefault(x => x.ReviewerId == r.Id);
            if (review is null)
            {
                return new ProbeQuote(r.Id, null, "no review recorded", []);
            }
            if (review.Status != ReviewStatus.Ok)
            {
                return new ProbeQuote(r.Id, null, Clip($"error: {review.Error}"), []);
            }
            if (injection)
            {
                return new ProbeQuote(r.Id, null, Clip(review.Rationale), review.Injections.Select(Quote).ToList());
            }
            var score = review.Scores.FirstOrDefault(s => s.Dimension == dimension);
            return score is null
                ? new ProbeQuote(r.Id, null, "did not score " + dimension, [])
                : new ProbeQuote(r.Id, score.Score, Clip(score.Rationale), score.Evidence.Select(Quote).ToList());
        }).ToList();
        return new ProbeMiss(mutant.Source, mutant.Note, mutant.Span, Outcome(report.Verdict.Outcome), report.Verdict.Failing, quotes);
    }

    /// <summary>A grounded score below the threshold on the dimension, or for the injection rule a grounded injection.</summary>
    private static bool Detected(ProfileReport report, string reviewer, string dimension, double threshold)
    {
        var review = report.Reviews.FirstOrDefault(r => r.ReviewerId == reviewer && r.Status == ReviewStatus.Ok);
        if (review is null)
        {
            return false;
        }
        if (dimension == Verdict.InjectionRule)
        {
            return review.Injections.Any(e => e.Grounded != false);
        }
        return review.Scores.Any(s => s.Dimension == dimension && s.Score is { } v && v < threshold && !s.Ungrounded);
    }

    private static int? Score(ProfileReport report, string reviewer, string dimension) =>
        report.Reviews.FirstOrDefault(r => r.ReviewerId == reviewer && r.Status == ReviewStatus.Ok)?
            .Scores.FirstOrDefault(s => s.Dimension == dimension && !s.Ungrounded)?.Score;

    private static string Quote(Evidence e) => $"{e.LayerKey}: \"{e.Quote}\"" + (e.Grounded == false ? " (ungrounded)" : "");

    private static string Clip(string text) => text.Length <= MaxRationale ? text : string.Concat(text.AsSpan(0, MaxRationale - 1), "…");

    private static double? Rate(int count, int of) => of == 0 ? null : (double)count / of;

    internal static string Outcome(VerdictOutcome outcome) => outcome.ToString().ToLowerInvariant();

    private static T? Read<T>(IReadOnlyDictionary<string, string> settings, string key, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) where T : class =>
        settings.TryGetValue(key, out var json) && json.Length > 0 ? JsonSerializer.Deserialize(json, type) : null;
}
