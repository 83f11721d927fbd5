using System.Globalization;
using System.Text;

namespace ReviewPanel.Text;

/// <summary>
/// Characters a reader cannot see but a model or a terminal acts on: C0/C1 controls (other than tab and line feed),
/// format characters (Unicode category Cf: zero-width space and joiners, soft hyphen, word joiner, bidi embeddings,
/// overrides and isolates, tag characters U+E0000–E007F), the rest of Default_Ignorable_Code_Point (variation
/// selectors, Hangul fillers, ...), line/paragraph separators and lone surrogates. The one place that decides what is
/// hidden and how it is shown: <see cref="Escape"/> renders each as <c>&lt;U+200B&gt;</c> for terminals, reports and
/// prompts; <see cref="Strip"/> removes them for matching.
/// </summary>
public static class VisibleText
{
    /// <summary>The text with every hidden character replaced by a visible escape such as <c>&lt;U+200B&gt;</c>.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text) || !ContainsHidden(text))
        {
            return text ?? string.Empty;
        }
        var sb = new StringBuilder(text.Length + 16);
        foreach (var (index, length, hidden) in Scan(text))
        {
            if (hidden)
            {
                sb.Append(Code(text, index));
            }
            else
            {
                sb.Append(text, index, length);
            }
        }
        return sb.ToString();
    }

    /// <summary>The text without its hidden characters.</summary>
    public static string Strip(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!ContainsHidden(text))
        {
            return text;
        }
        var sb = new StringBuilder(text.Length);
        foreach (var (index, length, hidden) in Scan(text))
        {
            if (!hidden)
            {
                sb.Append(text, index, length);
            }
        }
        return sb.ToString();
    }

    public static bool ContainsHidden(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            // Fast path: every hidden character is outside printable ASCII, or is a control.
            if (c < 0x20 ? c is not ('\n' or '\t') : c >= 0x7F)
            {
                return Scan(text).Any(s => s.Hidden);
            }
        }
        return false;
    }

    /// <summary>Where the hidden characters are: UTF-16 index and length of each (a tag character is a surrogate pair).</summary>
    public static IEnumerable<(int Index, int Length)> HiddenRuns(string text) =>
        Scan(text).Where(s => s.Hidden).Select(s => (s.Index, s.Length));

    /// <summary><c>U+200B</c> for the character at <paramref name="index"/> (the whole surrogate pair when there is one).</summary>
    public static string Code(string text, int index)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out _) == System.Buffers.OperationStatus.Done ? rune.Value : text[index];
        return string.Create(CultureInfo.InvariantCulture, $"<U+{value:X4}>");
    }

    /// <summary>A short name for notes ("zero-width space"); the category otherwise.</summary>
    public static string Describe(string text, int index)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out _) == System.Buffers.OperationStatus.Done ? rune.Value : text[index];
        return value switch
        {
            0x00AD => "soft hyphen",
            0x200B => "zero-width space",
            0x200C => "zero-width non-joiner",
            0x200D => "zero-width joiner",
            0x200E or 0x200F or 0x061C => "bidi mark",
            >= 0x202A and <= 0x202E => "bidi embedding/override",
            >= 0x2066 and <= 0x2069 => "bidi isolate",
            0x2060 => "word joiner",
            0xFEFF => "zero-width no-break space",
            >= 0xE0000 and <= 0xE007F => "tag character",
            >= 0xFE00 and <= 0xFE0F => "variation selector",
            0x1B => "escape (terminal control)",
            0x07 => "bell",
            0x2028 or 0x2029 => "line/paragraph separator",
            < 0x20 or (>= 0x7F and <= 0x9F) => "control character",
            >= 0xD800 and <= 0xDFFF => "lone surrogate",
            _ => "invisible format character",
        };
    }

    /// <summary>Whether the code point is hidden on its own (context-free; see <see cref="Scan"/> for emoji).</summary>
    public static bool IsHidden(int codePoint) => codePoint switch
    {
        '\n' or '\t' => false,
        < 0x20 or (>= 0x7F and <= 0x9F) => true,
        0x2028 or 0x2029 => true,
        0x00AD or 0x034F or 0x061C or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or 0x3164 or 0xFFA0 => true,
        >= 0x180B and <= 0x180F => true,
        >= 0x200B and <= 0x200F => true,
        >= 0x202A and <= 0x202E => true,
        >= 0x2060 and <= 0x206F => true,
        >= 0xFE00 and <= 0xFE0F => true,
        0xFEFF => true,
        >= 0xFFF0 and <= 0xFFF8 => true,
        >= 0x1BCA0 and <= 0x1BCA3 => true,
        >= 0x1D173 and <= 0x1D17A => true,
        >= 0xE0000 and <= 0xE0FFF => true,
        >= 0xD800 and <= 0xDFFF => true,
        _ => codePoint <= 0x10FFFF && Rune.IsValid(codePoint) && Rune.GetUnicodeCategory(new Rune(codePoint)) == UnicodeCategory.Format,
    };

    /// <summary>
    /// Each character (by rune; a run of plain ASCII as one piece) with whether it is hidden. Emoji presentation selectors (U+FE0E/U+FE0F after a symbol)
    /// and a zero-width joiner between two symbols (emoji sequences) are visible parts of a glyph, not hidden text.
    /// </summary>
    private static IEnumerable<(int Index, int Length, bool Hidden)> Scan(string text)
    {
        var previousSymbol = false;
        for (var i = 0; i < text.Length;)
        {
            // A run of printable ASCII, tab and line feed is visible as a whole (and no symbol): one piece, not one per character.
            var plain = text.AsSpan(i).IndexOfAnyExcept(PlainAscii);
            if (plain != 0)
            {
                var run = plain < 0 ? text.Length - i : plain;
                yield return (i, run, false);
                previousSymbol = false;
                i += run;
                continue;
            }
            int value, length;
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var consumed) == System.Buffers.OperationStatus.Done)
            {
                value = rune.Value;
                length = consumed;
            }
            else
            {
                value = text[i];
                length = 1;
            }
            var hidden = IsHidden(value);
            var symbol = !hidden && value > 0x7F && Rune.IsValid(value) && Rune.GetUnicodeCategory(new Rune(value)) == UnicodeCategory.OtherSymbol;
            if (hidden && previousSymbol && value is 0xFE0E or 0xFE0F)
            {
                hidden = false;
                symbol = true;
            }
            else if (hidden && previousSymbol && value == 0x200D && NextIsSymbol(text, i + length))
            {
                hidden = false;
            }
            yield return (i, length, hidden);
            previousSymbol = symbol;
            i += length;
        }
    }

    /// <summary>Tab, line feed and printable ASCII (U+0020–U+007E).</summary>
    private static readonly System.Buffers.SearchValues<char> PlainAscii =
        System.Buffers.SearchValues.Create("\t\n" + string.Concat(Enumerable.Range(0x20, 0x7F - 0x20).Select(c => (char)c)));

    private static bool NextIsSymbol(string text, int index) =>
        index < text.Length
        && Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out _) == System.Buffers.OperationStatus.Done
        && Rune.GetUnicodeCategory(rune) == UnicodeCategory.OtherSymbol;
}
