using ReviewPanel.Panel;
using ReviewPanel.Provenance;
using ReviewPanel.Reporting;
using ReviewPanel.Reviewing;

namespace ReviewPanel.Tests.Fixtures;

/// <summary>Builds <see cref="ReportModel"/>s: a run's provenance, its reports and a few past runs per profile.</summary>
internal static class ReportModelFixtures
{
    public const string RunId = "run-2025-03-01-0900";
    public static readonly string RubricSha = Hashing.Sha256Text.Of("rubric");

    public static RunProvenance Run(string runId = RunId) => new()
    {
        RunId = runId,
        ToolVersion = "0.1.0",
        RubricSha256 = RubricSha,
        Command = "review profiles/",
        StartedAt = ProfileReportFixtures.T0,
        FinishedAt = ProfileReportFixtures.T0.AddMinutes(12),
        Reviewers =
        [
            new ReviewerDescriptor("heuristic.structure", "1.0.0", "heuristic", Dimensions.All),
            new ReviewerDescriptor("llm.practitioner", Hashing.Sha256Text.Of("persona"), "llm", Dimensions.All, "gpt-4o-2024-08-06"),
        ],
        Settings = new Dictionary<string, string> { ["gate.aggregation"] = "Median", ["gate.threshold"] = "4" },
    };

    /// <summary><paramref name="count"/> rich reports (see <see cref="ProfileReportFixtures.Rich"/>), each with three past runs.</summary>
    public static ReportModel Model(int count)
    {
        var reports = Enumerable.Range(0, count).Select(i => ProfileReportFixtures.Rich(i, RunId)).ToList();
        return Model(reports);
    }

    public static ReportModel Model(IReadOnlyList<ProfileReport> reports) => new()
    {
        Run = Run(),
        Profiles = reports,
        History = reports.ToDictionary(ReportModel.KeyOf, r => (IReadOnlyList<HistoryPoint>)
        [
            new HistoryPoint("run-2025-02-01", ProfileReportFixtures.T0.AddDays(-28), 2.0),
            new HistoryPoint("run-2025-02-10", ProfileReportFixtures.T0.AddDays(-19), null),
            new HistoryPoint("run-2025-02-20", ProfileReportFixtures.T0.AddDays(-9), 3.5),
        ]),
        GeneratedAt = ProfileReportFixtures.T0.AddMinutes(13),
    };
}
