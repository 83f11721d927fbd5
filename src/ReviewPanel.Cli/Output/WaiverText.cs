using System.Globalization;
using ReviewPanel.Waivers;

namespace ReviewPanel.Cli.Output;

/// <summary>One line per waiver, the same in show, history and waive.</summary>
internal static class WaiverText
{
    public static string Line(Waiver w) =>
        $"waiver {w.Sequence.ToString(CultureInfo.InvariantCulture)}: version {w.VersionHash[..Math.Min(12, w.VersionHash.Length)]} "
        + $"{(w.Dimensions.Count == 0 ? "all dimensions" : string.Join(", ", w.Dimensions))} waived by {w.By} at {w.RecordedAt.ToString("u", CultureInfo.InvariantCulture)}"
        + (w.ExpiresAt is { } e ? $" until {e.ToString("u", CultureInfo.InvariantCulture)}" : "") + $": {w.Reason}";
}
