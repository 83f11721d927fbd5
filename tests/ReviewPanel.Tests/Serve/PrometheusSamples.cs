using System.Globalization;
using System.Text.RegularExpressions;

namespace ReviewPanel.Tests.Serve;

/// <summary>The samples of a Prometheus text scrape (name, labels, value), so tests assert on series, not on label order.</summary>
internal static partial class PrometheusSamples
{
    public static List<(string Name, Dictionary<string, string> Labels, double Value)> Parse(string text) =>
        text.Split('\n')
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => Sample().Match(line))
            .Where(m => m.Success)
            .Select(m => (
                m.Groups["name"].Value,
                Label().Matches(m.Groups["labels"].Value).ToDictionary(l => l.Groups[1].Value, l => l.Groups[2].Value, StringComparer.Ordinal),
                double.Parse(m.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture)))
            .ToList();

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(?<labels>.*)\})? (?<value>\S+)(?: \d+)?$")]
    private static partial Regex Sample();

    [GeneratedRegex(@"([a-zA-Z_][a-zA-Z0-9_]*)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Label();
}
