using System.Globalization;

namespace ReviewPanel.Benchmarks;

/// <summary>One batch size's numbers, passed from the child process as one line.</summary>
internal sealed record Measurement(int Profiles, double ImportSeconds, double FullSeconds, double PeakMiB, long Recorded)
{
    public string ToLine() => string.Join(' ',
        Profiles.ToString(CultureInfo.InvariantCulture), ImportSeconds.ToString("R", CultureInfo.InvariantCulture),
        FullSeconds.ToString("R", CultureInfo.InvariantCulture), PeakMiB.ToString("R", CultureInfo.InvariantCulture), Recorded.ToString(CultureInfo.InvariantCulture));

    public static Measurement Parse(string line)
    {
        var p = line.Split(' ');
        return new Measurement(int.Parse(p[0], CultureInfo.InvariantCulture), double.Parse(p[1], CultureInfo.InvariantCulture),
            double.Parse(p[2], CultureInfo.InvariantCulture), double.Parse(p[3], CultureInfo.InvariantCulture), long.Parse(p[4], CultureInfo.InvariantCulture));
    }
}
