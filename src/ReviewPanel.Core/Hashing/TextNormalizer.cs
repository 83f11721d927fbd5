using System.Globalization;
using System.Text;

namespace ReviewPanel.Hashing;

/// <summary>
/// One normalization for everything that compares text: Unicode NFKC, whitespace runs collapsed to one space,
/// trimmed, lower-cased (invariant). Layer hashes, duplicate detection and the grounding check all use it,
/// so "the same text" means the same thing everywhere.
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var nfkc = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(nfkc.Length);
        var pendingSpace = false;
        foreach (var c in nfkc)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }
            sb.Append(char.ToLower(c, CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}
