using System.Text;
using ReviewPanel.Hashing;

namespace ReviewPanel.Reviewing.Llm;

/// <summary>The rubric every LLM reviewer sees verbatim, loaded once; its SHA-256 goes into provenance and cache keys.</summary>
/// <param name="Text">The file's text, verbatim (BOM removed).</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file's bytes.</param>
/// <param name="Path">Where it was read from, as given.</param>
public sealed record RubricDocument(string Text, string Sha256, string Path)
{
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
}
