using System.Globalization;
using System.Text.RegularExpressions;
using ReviewPanel.Profiles;
using ReviewPanel.Reviewing;

namespace ReviewPanel.Heuristics;

/// <summary>
/// Level calibration: the level table's ladder (levels in sequence, none missing, none repeated), years of
/// experience that rise strictly with level, the profile's level agreeing across title, code and level block, and
/// the level block's typical experience agreeing with the table row of that level.
/// </summary>
public sealed partial class LevelLadderReviewer : IReviewer
{
    public ReviewerDescriptor Descriptor { get; } =
        new("heuristic.level-ladder", "1", HeuristicText.Kind, [Dimensions.LevelCalibration]);

    public Task<Review> ReviewAsync(RoleProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var table = WithRows(profile.Layer(LayerKeys.LevelGuidelines));
        var block = profile.Layer(LayerKeys.Level);
        if ((table is null || table.Rows.Count == 0) && block is null)
        {
            const string Why = "No level table and no level block: nothing to calibrate.";
            var abstain = DimensionScore.Abstain(Dimensions.LevelCalibration, Why);
            return Task.FromResult(HeuristicText.Review(Descriptor, Why, abstain));
        }

        var findings = new List<Finding>();
        var ladder = table is null ? [] : ParseLadder(table);
        if (table is not null)
        {
            findings.AddRange(SequenceDefects(table, ladder));
            findings.AddRange(YearsDefects(table, ladder));
        }
        // Absence is never perfection: what cannot be checked is a finding, not a pass.
        if (table is null || table.Rows.Count == 0)
        {
            var quote = HeuristicText.FirstLine(table ?? block!)!;
            findings.Add(new Finding(2, new Evidence((table ?? block!).Key, quote,
                table is null ? "No level table: the ladder (sequence, years, scope by level) cannot be checked." : "The level table has no rows.")));
        }
        if (block is null && table is not null && HeuristicText.FirstLine(table) is { } heading)
        {
            findings.Add(new Finding(3, new Evidence(table.Key, heading, "No level block: the profile's own level, scope and experience are not stated.")));
        }
        findings.AddRange(LevelAgreement(profile, block));
        if (block is not null) findings.AddRange(ExperienceAgreement(block, table, ladder));

        var score = HeuristicText.ScoreFrom(findings);
        const string Checked = "Checked the level table's sequence (gaps, order, repeats), that minimum years rise strictly "
            + "with level, that title, code and level block name the same level, and that the level block's typical "
            + "experience fits its table row";
        var rationale = findings.Count == 0
            ? $"{Checked}; {ladder.Count} levels, all consistent."
            : $"{Checked}; found {HeuristicText.Plural(findings.Count, "defect")}.";
        var result = new DimensionScore(Dimensions.LevelCalibration, score, rationale, findings.SelectMany(f => f.Evidence).ToList());
        return Task.FromResult(HeuristicText.Review(Descriptor, rationale, result));
    }

    /// <summary>
    /// The table with its rows read from its text when the source gave none (a JSON layer with only <c>text</c>), so a
    /// table is checked whichever way it came.
    /// </summary>
    private static ProfileLayer? WithRows(ProfileLayer? table)
    {
        if (table is null || table.Rows.Count > 0) return table;
        var lines = HeuristicText.Lines(table).Where(l => HeuristicText.IsTableLine(l) && !HeuristicText.IsTableSeparator(l)).ToList();
        if (lines.Count < 2) return table;
        return table with
        {
            Columns = table.Columns.Count > 0 ? table.Columns : HeuristicText.Cells(lines[0]),
            Rows = lines.Skip(1).Select(HeuristicText.Cells).ToList(),
        };
    }

    /// <summary>One table row: its level (prefix + number, when the first cell is a level code) and minimum years.</summary>
    private sealed record Rung(IReadOnlyList<string> Row, string? Prefix, int? Number, YearsRange? Years);

    private static List<Rung> ParseLadder(ProfileLayer table)
    {
        var yearsColumn = YearsColumn(table);
        return table.Rows.Where(r => r.Count > 0).Select(row =>
        {
            var code = LevelCode().Match(row[0].Trim());
            var years = yearsColumn < row.Count ? YearsRange.Parse(row[yearsColumn]) : null;
            return code.Success
                ? new Rung(row, code.Groups[1].Value.ToUpperInvariant(), int.Parse(code.Groups[2].Value, CultureInfo.InvariantCulture), years)
                : new Rung(row, null, null, years);
        }).ToList();
    }

    /// <summary>The last column whose header speaks of years or experience; the last column otherwise.</summary>
    private static int YearsColumn(ProfileLayer table)
    {
        var columns = table.Columns;
        for (var i = columns.Count - 1; i >= 0; i--)
        {
            if (YearsHeader().IsMatch(columns[i])) return i;
        }
        return Math.Max(0, (columns.Count > 0 ? columns.Count : table.Rows.Select(r => r.Count).DefaultIfEmpty(0).Max()) - 1);
    }

    private static IEnumerable<Finding> SequenceDefects(ProfileLayer table, List<Rung> ladder)
    {
        var coded = ladder.Where(r => r.Number is not null).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < coded.Count; i++)
        {
            var rung = coded[i];
            if (!seen.Add($"{rung.Prefix}{rung.Number}"))
            {
                yield return Defect(2, table, rung, $"Level {rung.Prefix}{rung.Number} appears more than once.");
                continue;
            }
            if (i == 0 || coded[i - 1].Prefix != rung.Prefix) continue;
            var step = rung.Number!.Value - coded[i - 1].Number!.Value;
            if (step < 0)
            {
                yield return Defect(2, table, rung, $"Level {rung.Prefix}{rung.Number} comes after {rung.Prefix}{coded[i - 1].Number}: out of order.");
            }
            else if (step > 1)
            {
                var missing = string.Join(", ", Enumerable.Range(coded[i - 1].Number!.Value + 1, step - 1).Select(n => $"{rung.Prefix}{n}"));
                yield return Defect(3, table, rung, $"Missing level row(s) before this one: {missing}.");
            }
        }
    }

    private static IEnumerable<Finding> YearsDefects(ProfileLayer table, List<Rung> ladder)
    {
        Rung? previous = null;
        foreach (var rung in ladder.Where(r => r.Years is not null))
        {
            if (previous is not null && rung.Years!.Min <= previous.Years!.Min)
            {
                var quote = rung.Years.Source;
                yield return new Finding(3, new Evidence(table.Key, quote,
                    $"Minimum years ({rung.Years.Min}) do not rise above the previous level's ({previous.Years.Min})."));
            }
            previous = rung;
        }
    }

    /// <summary>Title, code and level block must name one level (e.g. P6).</summary>
    private static IEnumerable<Finding> LevelAgreement(RoleProfile profile, ProfileLayer? block)
    {
        var claims = new List<(string Level, ProfileLayer Layer)>();
        if (profile.Layer(LayerKeys.Title) is { } title && TitleLevel().Match(HeuristicText.FirstLine(title) ?? "") is { Success: true } t)
        {
            claims.Add((t.Groups[1].Value.ToUpperInvariant(), title));
        }
        if (profile.Layer(LayerKeys.Code) is { } code && CodeLevel().Match(HeuristicText.FirstLine(code) ?? "") is { Success: true } c)
        {
            claims.Add((c.Groups[1].Value.ToUpperInvariant(), code));
        }
        if (block is not null && BlockLevel(block) is { } blockLevel)
        {
            claims.Add((blockLevel.ToUpperInvariant(), block));
        }
        if (claims.Select(c => c.Level).Distinct().Count() <= 1) yield break;

        var summary = string.Join(", ", claims.Select(c => $"{c.Layer.Key} says {c.Level}"));
        var evidence = claims
            .Select(c => (c.Layer, Quote: HeuristicText.LineContaining(c.Layer, c.Level)))
            .Where(c => c.Quote is not null)
            .Select(c => new Evidence(c.Layer.Key, HeuristicText.Clip(c.Quote!, 160), $"Levels disagree: {summary}."))
            .ToArray();
        if (evidence.Length > 0) yield return new Finding(2, evidence);
    }

    private static string? BlockLevel(ProfileLayer block)
    {
        var field = block.Fields.FirstOrDefault(f => f.Key.Equals("Level", StringComparison.OrdinalIgnoreCase)).Value;
        if (!string.IsNullOrWhiteSpace(field) && LevelCode().IsMatch(field.Trim())) return field.Trim();
        var heading = BlockHeading().Match(HeuristicText.FirstLine(block) ?? "");
        return heading.Success ? heading.Groups[1].Value : null;
    }

    /// <summary>The level block's typical experience must overlap its table row's [min, next level's min] years.</summary>
    private static IEnumerable<Finding> ExperienceAgreement(ProfileLayer block, ProfileLayer? table, List<Rung> ladder)
    {
        var level = BlockLevel(block);
        var stated = block.Fields.FirstOrDefault(f => ExperienceField().IsMatch(f.Key)).Value;
        var blockYears = stated is null ? null : YearsRange.Parse(stated);
        if (table is null || level is null || blockYears is null) yield break;

        var index = ladder.FindIndex(r => string.Equals($"{r.Prefix}{r.Number}", level, StringComparison.OrdinalIgnoreCase));
        if (index < 0 || ladder[index].Years is not { } rowYears) yield break;
        var upper = ladder.Skip(index + 1).Select(r => r.Years?.Min).FirstOrDefault(y => y is not null) ?? rowYears.Max;

        var overlaps = blockYears.Min <= (upper ?? int.MaxValue) && rowYears.Min <= (blockYears.Max ?? int.MaxValue);
        if (overlaps) yield break;
        var note = $"Level block says {blockYears.Source} but the table's {level} row says {rowYears.Source}.";
        yield return new Finding(3, new Evidence(block.Key, blockYears.Source, note), new Evidence(table.Key, rowYears.Source, note));
    }

    private static Finding Defect(int cap, ProfileLayer table, Rung rung, string note) =>
        new(cap, new Evidence(table.Key, RowQuote(table, rung.Row), note));

    /// <summary>The row's line in the table text (verbatim), clipped; its first cell when the line is not found.</summary>
    private static string RowQuote(ProfileLayer table, IReadOnlyList<string> row)
    {
        var line = HeuristicText.Lines(table).FirstOrDefault(l =>
            HeuristicText.IsTableLine(l) && HeuristicText.Cells(l) is { Count: > 0 } cells && cells[0] == row[0].Trim()
            && (row.Count < 2 || (cells.Count > 1 && cells[1] == row[1].Trim())));
        return line is null ? row[0].Trim() : HeuristicText.Clip(line.Trim(), 120);
    }

    [GeneratedRegex(@"^([A-Za-z]{1,3})\s*-?\s*(\d{1,2})$")]
    private static partial Regex LevelCode();

    [GeneratedRegex(@"(?:^|[\s—–\-.(/,])([A-Z]{1,3}\d{1,2})\)?\s*$")]
    private static partial Regex TitleLevel();

    [GeneratedRegex(@"[.\-_/]([A-Z]{1,3}\d{1,2})\s*$")]
    private static partial Regex CodeLevel();

    [GeneratedRegex(@"^Level\s*[—–:\-]\s*([A-Za-z]{1,3}\d{1,2})\b")]
    private static partial Regex BlockHeading();

    [GeneratedRegex(@"year|yrs|experience", RegexOptions.IgnoreCase)]
    private static partial Regex YearsHeader();

    [GeneratedRegex(@"experience|years", RegexOptions.IgnoreCase)]
    private static partial Regex ExperienceField();
}
