using System.Text.RegularExpressions;

namespace ReviewPanel.Probing.Operators;

/// <summary>Reading level codes and years out of level-table rows.</summary>
internal static partial class LevelRows
{
    /// <summary>The row's first cell when it is a level code (<c>P4</c>), upper-cased; else null.</summary>
    public static string? LevelOf(SourceLine row)
    {
        var cells = row.Text.Trim().Trim('|').Split('|');
        var first = cells.Length > 0 ? cells[0].Trim() : "";
        return LevelCode().IsMatch(first) ? first.ToUpperInvariant() : null;
    }

    /// <summary>Offset (in the document) and value of the first number in the row's last cell, the years column.</summary>
    public static (int Offset, int Length, int Value)? Years(SourceLine row)
    {
        var text = row.Text.TrimEnd();
        var end = text.EndsWith('|') ? text.Length - 1 : text.Length;
        var start = text.LastIndexOf('|', end - 1) + 1;
        var match = Number().Match(text, start, end - start);
        return match.Success ? (row.Offset + match.Index, match.Length, int.Parse(match.Value, System.Globalization.CultureInfo.InvariantCulture)) : null;
    }

    [GeneratedRegex(@"^[A-Za-z]{1,3}\d{1,2}$")]
    public static partial Regex LevelCode();

    [GeneratedRegex(@"\d{1,2}")]
    private static partial Regex Number();
}
