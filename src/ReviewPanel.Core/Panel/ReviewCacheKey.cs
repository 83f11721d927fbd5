using System.Globalization;
using ReviewPanel.Hashing;
using ReviewPanel.Reviewing;

namespace ReviewPanel.Panel;

/// <summary>
/// A review is determined by the reviewed text, the reviewer (its prompt hash or code version), the rubric, the
/// model and its settings. Same inputs, same key: a rerun reuses the review instead of asking again.
/// </summary>
public static class ReviewCacheKey
{
    public static string For(string profileVersionHash, ReviewerDescriptor reviewer, string rubricSha256, int repeat = 0)
    {
        var settings = reviewer.Settings is null
            ? ""
            : string.Join(";", reviewer.Settings.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"));
        var material = string.Join("\n",
            profileVersionHash,
            reviewer.Id,
            reviewer.Version,
            rubricSha256,
            reviewer.Model ?? "",
            settings,
            repeat.ToString(CultureInfo.InvariantCulture));
        return Sha256Text.Of(material);
    }
}
