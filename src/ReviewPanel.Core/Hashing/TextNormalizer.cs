using System.Buffers;
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
        var nfkc = Nfkc(text);
        var rented = nfkc.Length > 256 ? ArrayPool<char>.Shared.Rent(nfkc.Length) : null;
        Span<char> buffer = rented ?? stackalloc char[256];
        var length = CollapseAndLower(nfkc, buffer);
        var result = buffer[..length].SequenceEqual(nfkc) ? nfkc : new string(buffer[..length]);
        if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        return result;
    }

    /// <summary><c>Sha256Text.Of(Normalize(text))</c> without making the normalized string.</summary>
    public static string Sha256OfNormalized(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var nfkc = Nfkc(text);
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, nfkc.Length));
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(nfkc.Length));
        try
        {
            var length = CollapseAndLower(nfkc, chars);
            return Sha256Text.Of(bytes.AsSpan(0, Encoding.UTF8.GetBytes(chars.AsSpan(0, length), bytes)));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    // Most text is already NFKC (ASCII with a few dashes and quotes): then the ICU pass, the largest share of
    // normalizing, is skipped.
    private static string Nfkc(string text) => IsNfkcInert(text) ? text : text.Normalize(NormalizationForm.FormKC);

    /// <summary>
    /// Writes <paramref name="nfkc"/> lower-cased, whitespace runs as one space, trimmed, into <paramref name="into"/>
    /// (never longer than the input); returns the length written.
    /// </summary>
    private static int CollapseAndLower(ReadOnlySpan<char> nfkc, Span<char> into)
    {
        var length = 0;
        var pendingSpace = false;
        foreach (var c in nfkc)
        {
            char lower;
            if (c < 0x80)
            {
                // ASCII inline (this loop sees every character the heuristics compare): its white space is
                // U+0009..U+000D and the space, as char.IsWhiteSpace says.
                if (c == ' ' || (uint)(c - '\t') <= '\r' - '\t')
                {
                    pendingSpace = length > 0;
                    continue;
                }
                lower = char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
            }
            else if (char.IsWhiteSpace(c))
            {
                pendingSpace = length > 0;
                continue;
            }
            else
            {
                lower = ToLowerInvariant(c);
            }
            if (pendingSpace)
            {
                into[length++] = ' ';
                pendingSpace = false;
            }
            into[length++] = lower;
        }
        return length;
    }

    /// <summary>
    /// <c>char.ToLower(c, CultureInfo.InvariantCulture)</c>, remembered for non-ASCII characters: each of those is a
    /// call into ICU, a tenth of importing a profile with a dozen dashes.
    /// </summary>
    internal static char ToLowerInvariant(char c)
    {
        // ASCII inline: the culture lookup behind char.ToLower was a tenth of normalizing an all-ASCII profile.
        if (c < 0x80) return char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
        var lower = Lower[c];
        if (lower == 0) Lower[c] = lower = char.ToLower(c, CultureInfo.InvariantCulture);
        return lower;
    }

    /// <summary>Whether every character of the text is <see cref="IsNfkcInert(char)"/>, so NFKC leaves the text as it is.</summary>
    internal static bool IsNfkcInert(ReadOnlySpan<char> text)
    {
        var nonAscii = text.IndexOfAnyExceptInRange('\0', '\u007F'); // vectorized: most text is ASCII throughout
        if (nonAscii < 0) return true;
        foreach (var c in text[nonAscii..])
        {
            if (c >= 0x80 && !IsNfkcInert(c)) return false;
        }
        return true;
    }

    /// <summary>
    /// Whether NFKC leaves this character as it is in any text: it is its own NFKC and it neither combines with its
    /// neighbours (combining marks, Hangul jamo) nor is half of a surrogate pair. A text of such characters is NFKC
    /// (the quick check of UAX #15). Decided once per character by ICU itself and remembered.
    /// </summary>
    internal static bool IsNfkcInert(char c)
    {
        if (c < 0x80) return true;
        var known = Inert[c];
        if (known != 0) return known == 1;
        var inert = !char.IsSurrogate(c)
            && c is not (>= '\u1100' and <= '\u11FF')
            && CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            && c.ToString().IsNormalized(NormalizationForm.FormKC);
        Inert[c] = inert ? (byte)1 : (byte)2;
        return inert;
    }

    // Per BMP character: 0 not yet decided, 1 inert, 2 not (racing writers store the same value).
    private static readonly byte[] Inert = new byte[char.MaxValue + 1];

    // Per BMP character its invariant lower case; 0 not yet asked (no character at or above U+0080 lowers to U+0000).
    private static readonly char[] Lower = new char[char.MaxValue + 1];
}
