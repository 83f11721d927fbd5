using ReviewPanel.Panel;
using ReviewPanel.Provenance;
using ReviewPanel.Reviewing;
using ReviewPanel.Scoring;

namespace ReviewPanel.Tests.Storage;

/// <summary>Builds realistic reports: two reviewers scoring every dimension, an abstention, layers and an adjudication.</summary>
internal static class ReportFactory
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 1, 9, 30, 0, TimeSpan.Zero);

    public static ProfileReport Report(
        string runId,
        string profileId,
        string versionHash,
        int lowScore = 3,
        string? cacheKey = null,
        ReviewStatus status = ReviewStatus.Ok,
        string? source = null)
    {
        var heuristic = Review("heuristic.consistency", "heuristic", lowScore, status, cacheKey ?? $"cache-{versionHash}-h");
        var llm = Review("llm.practitioner", "llm", Math.Min(5, lowScore + 1), ReviewStatus.Ok, $"cache-{versionHash}-l");
        var dimensions = Dimensions.All
            .Select((d, i) => new DimensionResult
            {
                Dimension = d,
                Aggregate = d == Dimensions.Fairness ? null : (i == 0 ? lowScore : 4.5),
                Required = true,
                Scores = [lowScore, 4],
                ScoredBy = ["heuristic.consistency", "llm.practitioner"],
                Failing = i == 0 && lowScore < 4,
            })
            .ToList();
        var passed = lowScore >= 4;
        return new ProfileReport
        {
            RunId = runId,
            Source = source ?? $"drafts/{profileId}.json",
            ProfileId = profileId,
            Title = $"Title of {profileId} — «quoted» 'single'",
            VersionHash = versionHash,
            Verdict = new Verdict
            {
                Outcome = passed ? VerdictOutcome.Pass : VerdictOutcome.Fail,
                Minimum = lowScore,
                Dimensions = dimensions,
                Failing = passed ? [] : [Dimensions.Accuracy],
            },
            Reviews = [heuristic, llm],
            Adjudications = passed ? [] : [Review("adjudicator", "adjudicator", lowScore, ReviewStatus.Ok, null)],
            Layers =
            [
                new LayerProvenance("focus", "Focus", new string('a', 64), ["https://example.org/src"],
                    [new LayerCitation("heuristic.consistency", Dimensions.Accuracy, lowScore, "keeps the lights on", true, null)]),
            ],
            StartedAt = T0,
            FinishedAt = T0.AddSeconds(3.25),
        };
    }

    /// <summary>A file that could not be imported: no profile id, no version, an error verdict.</summary>
    public static ProfileReport FailedImport(string runId, string source) => new()
    {
        RunId = runId,
        Source = source,
        Verdict = new Verdict { Outcome = VerdictOutcome.Error, Error = "unexpected end of JSON" },
        StartedAt = T0,
        FinishedAt = T0,
    };

    public static RunProvenance Run(string runId, DateTimeOffset startedAt) => new()
    {
        RunId = runId,
        ToolVersion = "0.1.0",
        RubricSha256 = new string('b', 64),
        Reviewers = [new ReviewerDescriptor("heuristic.consistency", "1", "heuristic", [Dimensions.Consistency])],
        Settings = new Dictionary<string, string> { ["gate.passThreshold"] = "4" },
        Command = "review drafts/",
        StartedAt = startedAt,
    };

    private static Review Review(string id, string kind, int lowScore, ReviewStatus status, string? cacheKey) => status == ReviewStatus.Error
        ? new Review { ReviewerId = id, ReviewerVersion = "v1", Kind = kind, Status = ReviewStatus.Error, Error = "timeout", CacheKey = cacheKey }
        : new Review
        {
            ReviewerId = id,
            ReviewerVersion = "v1",
            Kind = kind,
            CacheKey = cacheKey,
            Rationale = "Mostly concrete; one invented tool.",
            Scores =
            [
                .. Dimensions.All.Take(6).Select((d, i) => new DimensionScore(
                    d,
                    i == 0 ? lowScore : 4 + (i % 2),
                    $"rationale {d}",
                    i == 0 ? [new Evidence("focus", "keeps the lights on") { Grounded = true }] : [])),
                DimensionScore.Abstain(Dimensions.Fairness, "not judged by this reviewer"),
            ],
            Calls = kind == "llm" ? [new CallRecord { Model = "gpt-4o", InputTokens = 1200, OutputTokens = 300, Attempts = 1, LatencyMs = 812.5 }] : [],
        };
}
