using System.Text;
using ReviewPanel.Hashing;

namespace ReviewPanel.Reviewing.Llm;

/// <summary>The rubric every LLM reviewer sees verbatim, loaded once; its SHA-256 goes into provenance and cache keys.</summary>
/// <param name="Text">The file's text, verbatim (BOM removed).</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file's bytes.</param>
/// <param name="Path">Where it was read from, as given.</param>
public sealed record RubricDocument(string Text, string Sha256, string Path)
{
    private const string SectionPrefix = "## ";

    public static RubricDocument Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Rubric file '{path}' does not exist.", path);
        }
        var bytes = File.ReadAllBytes(path);
        var text = new UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InvalidDataException($"Rubric file '{path}' is empty.");
        }
        return new RubricDocument(text, Sha256Text.Of(bytes), path);
    }

    /// <summary>
    /// The rubric as a reviewer of <paramref name="dimensions"/> needs it: the preamble (everything before the first
    /// <c>## </c> heading) and the <c>## &lt;dimension&gt;</c> sections of those dimensions, verbatim and in the file's
    /// order. A reviewer is not charged for anchors of dimensions it does not score. A dimension without a section
    /// leaves nothing out: the whole rubric is returned, so a renamed heading cannot silently drop an anchor.
    /// </summary>
    public string Slice(IReadOnlyCollection<string> dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        var text = Text.ReplaceLineEndings("\n");
        var sections = new List<(string Heading, string Text)>();
        var preamble = new StringBuilder();
        StringBuilder? current = null;
        string? heading = null;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(SectionPrefix, StringComparison.Ordinal))
            {
                if (heading is not null)
                {
                    sections.Add((heading, current!.ToString()));
                }
                heading = line[SectionPrefix.Length..].Trim();
                current = new StringBuilder();
            }
            (current ?? preamble).Append(line).Append('\n');
        }
        if (heading is not null)
        {
            sections.Add((heading, current!.ToString()));
        }
        if (dimensions.Any(d => !sections.Any(s => string.Equals(s.Heading, d, StringComparison.Ordinal))))
        {
            return Text;
        }
        var slice = new StringBuilder(preamble.ToString());
        foreach (var section in sections.Where(s => dimensions.Contains(s.Heading, StringComparer.Ordinal)))
        {
            slice.Append(section.Text.TrimEnd('\n')).Append("\n\n");
        }
        return slice.ToString().TrimEnd('\n') + "\n";
    }
}
