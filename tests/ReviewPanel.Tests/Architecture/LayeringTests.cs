using System.Text.RegularExpressions;
using ReviewPanel.Tests.Profiles;

namespace ReviewPanel.Tests.Architecture;

/// <summary>
/// Rules of the layout that a reviewer would otherwise have to remember: services are resolved only in composition
/// roots, and the pass threshold has one home.
/// </summary>
public sealed partial class LayeringTests
{
    /// <summary>
    /// Files that build containers or hosts (and the fault reporter they hand a failed container to, which reads the
    /// settings a fault names); everything else receives its dependencies.
    /// </summary>
    private static readonly string[] CompositionRoots =
    [
        "ServiceCollectionExtensions.cs", "CommandRunner.cs", "WorkerHost.cs", "ReviewPanelHost.cs", "TelemetryExporters.cs", "FaultReporter.cs",
    ];

    private static List<(string Path, string Text)> SourceFiles() =>
        Directory.EnumerateFiles(RepoFiles.Path("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (f, File.ReadAllText(f)))
            .ToList();

    [Fact]
    public void ServiceLocation_HappensOnlyInCompositionRoots()
    {
        var files = SourceFiles();
        var offenders = files
            .Where(f => !CompositionRoots.Any(root => f.Path.EndsWith(root, StringComparison.Ordinal)))
            .Where(f => f.Text.Contains("GetRequiredService", StringComparison.Ordinal) || f.Text.Contains("GetService<", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(RepoFiles.Path(), f.Path))
            .ToList();

        Assert.True(files.Count > 100, $"expected the source tree, found {files.Count} files");
        Assert.True(offenders.Count == 0, "services resolved outside a composition root: " + string.Join(", ", offenders));
    }

    [Fact]
    public void Telemetry_HasNoProcessWideMeterOrActivitySource()
    {
        // Meters come from the container's IMeterFactory (ReviewPanelMetrics) and the activity source is a singleton
        // (ReviewPanelActivities): a static one would mix every host's and every parallel test's measurements.
        var offenders = SourceFiles()
            .Where(f => StaticTelemetry().IsMatch(f.Text))
            .Select(f => Path.GetRelativePath(RepoFiles.Path(), f.Path))
            .ToList();

        Assert.True(offenders.Count == 0, "static or hand-made meters / activity sources: " + string.Join(", ", offenders));
    }

    [Theory]
    [InlineData("private static readonly Meter Meter = new(\"x\");", true)]
    [InlineData("public static Meter Meter { get; } = new(Name);", true)]
    [InlineData("var meter = new Meter(\"x\");", true)]
    [InlineData("public static ActivitySource Source { get; } = new(Name);", true)]
    [InlineData("Meter = meterFactory.Create(new MeterOptions(MeterName));", false)]
    [InlineData("public ActivitySource Source { get; } = new(SourceName);", false)]
    public void StaticTelemetryPattern_FindsStaticsAndHandMadeMetersOnly(string code, bool found) =>
        Assert.Equal(found, StaticTelemetry().IsMatch(code));

    [GeneratedRegex(@"\bstatic\s+(?:readonly\s+)?(?:System\.Diagnostics\.Metrics\.)?(?:Meter|ActivitySource)\b|\bnew\s+(?:System\.Diagnostics\.Metrics\.)?Meter\s*\(")]
    private static partial Regex StaticTelemetry();

    [Fact]
    public void PassThreshold_HasNoLiteralOutsideGateOptions()
    {
        var offenders = SourceFiles()
            .Where(f => !f.Path.EndsWith("GateOptions.cs", StringComparison.Ordinal))
            .SelectMany(f => ThresholdLiteral().Matches(f.Text).Select(m => $"{Path.GetFileName(f.Path)}: {m.Value.Trim()}"))
            .ToList();

        Assert.True(offenders.Count == 0, "pass-line literals outside GateOptions: " + string.Join("; ", offenders));
    }

    [Theory]
    [InlineData("if (score < 4)", true)]
    [InlineData("verdict.Score >= 4.0", true)]
    [InlineData("PassThreshold = 4", true)]
    [InlineData("public double PassThreshold { get; set; } = 4.0;", true)]
    [InlineData("int passThreshold = 4)", true)]
    [InlineData("if (score < gate.PassingScore)", false)]
    [InlineData("count < 40", false)]
    [InlineData("points switch { 0 => 5, <= 4 => 2 }", false)]
    public void ThresholdLiteralPattern_FindsComparisonsWithFourOnly(string code, bool found) =>
        Assert.Equal(found, ThresholdLiteral().IsMatch(code));

    // A score or aggregate compared with 4, or a pass line / threshold given a number.
    [GeneratedRegex(@"(?:[Ss]core|[Aa]ggregate|[Mm]inimum)\w*(?:\.Value)?\)?\s*(?:<|<=|>=)\s*4(?:\.0)?\b|(?:PassThreshold|PassLine|passThreshold|passingScore)\s*(?:\{[^}]*\}\s*)?=\s*\d")]
    private static partial Regex ThresholdLiteral();
}
