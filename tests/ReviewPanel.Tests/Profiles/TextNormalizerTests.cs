using System.Globalization;
using System.Text;
using ReviewPanel.Hashing;

namespace ReviewPanel.Tests.Profiles;

/// <summary>
/// The normalization's fast paths (ASCII inline, NFKC skipped for inert text) must give exactly what its definition
/// says: NFKC, white-space runs as one space, trimmed, lower-cased invariant.
/// </summary>
public sealed class TextNormalizerTests
{
    private static string Reference(string text)
    {
        var nfkc = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder();
        var pending = false;
        foreach (var c in nfkc)
        {
            if (char.IsWhiteSpace(c))
            {
                pending = sb.Length > 0;
                continue;
            }
            if (pending)
            {
                sb.Append(' ');
                pending = false;
            }
            sb.Append(char.ToLower(c, CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    [Theory]
    [InlineData("  Site Reliability\tEngineer \r\n")]
    [InlineData("A\vB\fC\u0085D\u00A0E\u2003F\u3000G")]
    [InlineData("ＦＵＬＬＷＩＤＴＨ ｔｅｘｔ and ﬁ ligature")]
    [InlineData("İstanbul ẞ Straße ΣΑΣ")]
    [InlineData("e\u0301 combining, 한국어, 𝐁𝐨𝐥𝐝 math letters")]
    [InlineData("\u001Fcontrol\u0000chars\u007F")]
    public void Normalize_AnyText_IsNfkcCollapsedTrimmedAndLowerInvariant(string text)
    {
        Assert.Equal(Reference(text), TextNormalizer.Normalize(text));
    }

    [Fact]
    public void Normalize_EveryAsciiCharacterAndRandomMixedText_MatchesTheDefinition()
    {
        var ascii = new string([.. Enumerable.Range(0, 128).Select(i => (char)i)]);
        Assert.Equal(Reference(ascii), TextNormalizer.Normalize(ascii));

        string[] pool = [.. "aZ09 \t\n\r\v\f.-_ÀéßİıΣ\u00A0\u0085\u2003\u200B\u0301Ｆﬁ한".Select(c => c.ToString()), "\uD835\uDC01"];
        var random = new Random(20261205);
        for (var n = 0; n < 500; n++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 40)).Select(_ => pool[random.Next(pool.Length)]));
            Assert.Equal(Reference(text), TextNormalizer.Normalize(text));
        }
    }
}
