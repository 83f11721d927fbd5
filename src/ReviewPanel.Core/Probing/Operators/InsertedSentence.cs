using ReviewPanel.Profiles;

namespace ReviewPanel.Probing.Operators;

/// <summary>Appends a sentence to one prose line of the focus (or, without one, the summary).</summary>
internal static class InsertedSentence
{
    public static Mutant? Append(IMutationOperator op, SourceDocument source, Random random, string sentence, string note)
    {
        var lines = source.BodyLines(LayerKeys.Focus).Where(l => !l.Text.TrimStart().StartsWith("- ", StringComparison.Ordinal)).ToList();
        if (lines.Count == 0)
        {
            lines = [.. source.LayerLines(LayerKeys.Summary)];
        }
        if (Draw.One(random, lines) is not { } line)
        {
            return null;
        }
        var end = line.Offset + line.Text.TrimEnd().Length;
        return source.Mutate(op, end, 0, " " + sentence, $"{note} after line {line.Number + 1}");
    }
}
