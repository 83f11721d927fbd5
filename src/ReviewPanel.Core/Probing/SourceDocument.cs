using System.Globalization;
using ReviewPanel.Profiles;

namespace ReviewPanel.Probing;

/// <summary>
/// A text-page original as operators see it: its text (BOM stripped, LF line ends, as the importer reads it) and, for
/// every layer, the lines it came from (the importer's <c>file:path#La-Lb</c> source). Operators locate spans here and
/// build their mutant with <see cref="Mutate"/>.
/// </summary>
public sealed class SourceDocument
{
    private readonly Dictionary<string, (int First, int Last)> _layers;

    private SourceDocument(string source, string text, Dictionary<string, (int First, int Last)> layers)
    {
        Source = source;
        Text = text;
        _layers = layers;
        var lines = new List<SourceLine>();
        var offset = 0;
        var number = 0;
        foreach (var line in text.Split('\n'))
        {
            lines.Add(new SourceLine(number++, offset, line));
            offset += line.Length + 1;
        }
        Lines = lines;
    }

    public string Source { get; }

    public string Text { get; }

    public IReadOnlyList<SourceLine> Lines { get; }

    /// <summary>
    /// The document of a text page imported from <paramref name="text"/>; null when the profile was not read from the text
    /// format (JSON originals are reviewed but not mutated: see docs/probe.md).
    /// </summary>
    public static SourceDocument? From(string text, RoleProfile profile)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.Format != "text")
        {
            return null;
        }
        text = Normalize(text);
        var layers = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        foreach (var layer in profile.Layers)
        {
            if (LineRange(layer) is { } range)
            {
                layers.TryAdd(layer.Key, range);
            }
        }
        return new SourceDocument(profile.Source, text, layers);
    }

    /// <summary>What the importer does to text before parsing: BOM off, CRLF and CR to LF.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }
        return text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
    }

    public bool HasLayer(string key) => _layers.ContainsKey(key);

    /// <summary>Every line of the layer, its heading first; empty when the layer is absent.</summary>
    public IReadOnlyList<SourceLine> LayerLines(string key) =>
        _layers.TryGetValue(key, out var r) ? [.. Lines.Skip(r.First).Take(r.Last - r.First + 1)] : [];

    /// <summary>The layer's non-blank lines after its heading.</summary>
    public IReadOnlyList<SourceLine> BodyLines(string key) =>
        [.. LayerLines(key).Skip(1).Where(l => !string.IsNullOrWhiteSpace(l.Text))];

    /// <summary>The layer's bullet lines (<c>- text</c>).</summary>
    public IReadOnlyList<SourceLine> Bullets(string key) =>
        [.. BodyLines(key).Where(l => l.Text.TrimStart().StartsWith("- ", StringComparison.Ordinal))];

    /// <summary>The rows of the layer's table (lines starting with <c>|</c>), header and separator excluded.</summary>
    public IReadOnlyList<SourceLine> TableRows(string key)
    {
        var table = BodyLines(key).Where(l => l.Text.TrimStart().StartsWith('|')).ToList();
        var separator = table.FindIndex(l => l.Text.Replace("|", "", StringComparison.Ordinal).Trim().Trim('-', ':', ' ').Length == 0);
        return separator < 0 ? [] : table.Skip(separator + 1).ToList();
    }

    /// <summary>The span from the start of <paramref name="first"/> to the end of <paramref name="last"/>, plus the line end after it when there is one.</summary>
    public (int Offset, int Length) WholeLines(SourceLine first, SourceLine last)
    {
        var end = last.End < Text.Length ? last.End + 1 : last.End;
        return (first.Offset, end - first.Offset);
    }

    /// <summary>A mutant of this document: <paramref name="length"/> characters at <paramref name="offset"/> replaced by <paramref name="after"/>.</summary>
    public Mutant Mutate(IMutationOperator op, int offset, int length, string after, string note)
    {
        ArgumentNullException.ThrowIfNull(op);
        var span = new MutationSpan(offset, length, Text.Substring(offset, length), after);
        return new Mutant
        {
            Class = op.Class,
            Operator = op.GetType().Name,
            ExpectedDimension = op.ExpectedDimension,
            OriginalSource = Source,
            Span = span,
            Note = note,
            Text = span.ApplyTo(Text),
        };
    }

    /// <summary>The 0-based line range of a layer from its <c>file:path#La-Lb</c> source.</summary>
    private static (int First, int Last)? LineRange(ProfileLayer layer)
    {
        foreach (var source in layer.Sources)
        {
            if (!source.StartsWith("file:", StringComparison.Ordinal))
            {
                continue;
            }
            var at = source.LastIndexOf("#L", StringComparison.Ordinal);
            var dash = source.LastIndexOf("-L", StringComparison.Ordinal);
            if (at < 0 || dash < at
                || !int.TryParse(source.AsSpan(at + 2, dash - at - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var first)
                || !int.TryParse(source.AsSpan(dash + 2), NumberStyles.None, CultureInfo.InvariantCulture, out var last))
            {
                continue;
            }
            return (first - 1, last - 1);
        }
        return null;
    }
}
