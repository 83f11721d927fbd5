using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ReviewPanel.Hashing;

namespace ReviewPanel.Profiles;

/// <summary>
/// The derived parts of a profile, computed the same way for every input format: layer hashes, the version hash,
/// the stable id and the level. Input never supplies these; a hash in a file is never trusted.
/// </summary>
internal static partial class ProfileIdentity
{
    private static readonly HashSet<string> KnownKeys = new(StringComparer.Ordinal)
    {
        LayerKeys.Title, LayerKeys.Code, LayerKeys.Summary, LayerKeys.Focus, LayerKeys.Responsibilities,
        LayerKeys.LevelGuidelines, LayerKeys.Skills, LayerKeys.Provenance, LayerKeys.Level,
        LayerKeys.AdjacentRoles, LayerKeys.TitleAliases, LayerKeys.Classification,
    };

    public static bool IsKnownKey(string key) => KnownKeys.Contains(key);

    /// <summary>SHA-256 of the normalized text, so whitespace and case edits do not make a new layer version.</summary>
    public static string LayerSha(string text) => TextNormalizer.Sha256OfNormalized(text);

    /// <summary>SHA-256 over "key\nsha\n" for each layer in order: changes when any layer's content, key or order changes.</summary>
    public static string VersionHash(IEnumerable<ProfileLayer> layers)
    {
        var sb = new StringBuilder();
        foreach (var layer in layers)
        {
            sb.Append(layer.Key).Append('\n').Append(layer.Sha256).Append('\n');
        }
        return Sha256Text.Of(sb.ToString());
    }

    /// <summary>The stable id: the profile code when there is one, else a slug of the title.</summary>
    public static string Id(string title, string? code) =>
        !string.IsNullOrEmpty(code) ? code : Slug(title) is { Length: > 0 } slug ? slug : "profile";

    /// <summary>The level from the title's trailing "— P6" or the code's ".P6" suffix (P, M or E ladder, 1..9).</summary>
    public static string? Level(string title, string? code)
    {
        var m = TitleLevelRegex().Match(title);
        if (m.Success)
        {
            return m.Groups[1].Value.ToUpperInvariant();
        }
        if (code is not null && CodeLevelRegex().Match(code) is { Success: true } c)
        {
            return c.Groups[1].Value.ToUpperInvariant();
        }
        return null;
    }

    /// <summary>Lower-kebab slug: letters and digits (accents dropped), every other run becomes one hyphen; at most 64 chars.</summary>
    public static string Slug(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(decomposed.Length);
        var pendingHyphen = false;
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsAsciiLetterOrDigit(ch))
            {
                if (pendingHyphen && sb.Length > 0)
                {
                    sb.Append('-');
                }
                pendingHyphen = false;
                sb.Append(char.ToLowerInvariant(ch));
                if (sb.Length >= 64)
                {
                    break;
                }
            }
            else
            {
                pendingHyphen = true;
            }
        }
        return sb.ToString().TrimEnd('-');
    }

    public static ProfileLayer Layer(
        string key,
        string title,
        string text,
        IReadOnlyList<string> sources,
        IReadOnlyList<string>? items = null,
        IReadOnlyList<string>? columns = null,
        IReadOnlyList<IReadOnlyList<string>>? rows = null,
        IReadOnlyList<KeyValuePair<string, string>>? fields = null) => new()
        {
            Key = key,
            Title = title,
            Text = text,
            Sources = sources,
            Sha256 = LayerSha(text),
            Items = items ?? [],
            Columns = columns ?? [],
            Rows = rows ?? [],
            Fields = fields ?? [],
            IsUnknown = !IsKnownKey(key),
        };

    public static RoleProfile Profile(
        string? id, string title, string? code, string? level, string source, string format, IReadOnlyList<ProfileLayer> layers) => new()
        {
            Id = string.IsNullOrEmpty(id) ? Id(title, code) : id,
            Title = title,
            Code = code,
            Level = level ?? Level(title, code),
            VersionHash = VersionHash(layers),
            Source = source,
            Format = format,
            Layers = layers,
        };

    [GeneratedRegex(@"(?:—|–|-)\s*([PME][1-9])\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TitleLevelRegex();

    [GeneratedRegex(@"\.([PME][1-9])$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CodeLevelRegex();
}
