using System.Text.Json;
using ReviewPanel.Reviewing;

namespace ReviewPanel.Audit;

/// <summary>
/// A person's judgement of one profile, read from its sidecar <c>&lt;profile-file&gt;.gold.json</c>:
/// <c>{"scores": {"consistency": 2, ...}, "verdict": "fail", "notes": "..."}</c>. Scores are integers 1..5 on any
/// rubric dimensions the person judged; the verdict is <c>pass</c> or <c>fail</c> and, when omitted, follows the
/// gate's rule (pass only when every given score is at least the pass threshold). See docs/calibration.md.
/// </summary>
/// <param name="Scores">Dimension → the person's score, 1..5.</param>
/// <param name="Pass">Whether the person would publish the profile.</param>
/// <param name="Notes">Why, in the labeller's words; free text, not used in any number.</param>
public sealed record GoldLabel(IReadOnlyDictionary<string, int> Scores, bool Pass, string? Notes = null)
{
    /// <summary>The suffix appended to a profile file's full name to find its gold labels.</summary>
    public const string SidecarSuffix = ".gold.json";

    /// <summary>Parses a gold file's text; every problem is an <see cref="InvalidDataException"/> whose message names <paramref name="fileName"/>.</summary>
    public static GoldLabel Parse(string json, string fileName, int passThreshold)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw Problem(fileName, $"not valid JSON ({ex.Message})");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Problem(fileName, "the top level must be an object with \"scores\" and \"verdict\"");
            }
            var scores = new Dictionary<string, int>(StringComparer.Ordinal);
            bool? pass = null;
            string? notes = null;
            foreach (var property in root.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "scores":
                        ReadScores(property.Value, fileName, scores);
                        break;
                    case "verdict":
                        pass = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() switch
                        {
                            "pass" => true,
                            "fail" => false,
                            var other => throw Problem(fileName, $"\"verdict\" must be \"pass\" or \"fail\", not \"{other}\""),
                        } : throw Problem(fileName, "\"verdict\" must be the string \"pass\" or \"fail\"");
                        break;
                    case "notes":
                        notes = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()
                            : throw Problem(fileName, "\"notes\" must be a string");
                        break;
                    default:
                        // A typo ("score", "verdicts") would otherwise silently drop a label.
                        throw Problem(fileName, $"unknown property \"{property.Name}\" (allowed: scores, verdict, notes)");
                }
            }
            if (scores.Count == 0)
            {
                throw Problem(fileName, "\"scores\" is missing or empty: give at least one dimension's score");
            }
            return new GoldLabel(scores, pass ?? scores.Values.All(s => s >= passThreshold), notes);
        }
    }

    private static void ReadScores(JsonElement element, string fileName, Dictionary<string, int> scores)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Problem(fileName, "\"scores\" must be an object of dimension → score");
        }
        foreach (var score in element.EnumerateObject())
        {
            if (!Dimensions.IsKnown(score.Name))
            {
                throw Problem(fileName, $"unknown dimension \"{score.Name}\" (known: {string.Join(", ", Dimensions.All)})");
            }
            if (score.Value.ValueKind != JsonValueKind.Number || !score.Value.TryGetInt32(out var value) || value is < 1 or > 5)
            {
                throw Problem(fileName, $"score for \"{score.Name}\" must be an integer from 1 to 5, not {score.Value.GetRawText()}");
            }
            scores[score.Name] = value;
        }
    }

    private static InvalidDataException Problem(string fileName, string reason) => new($"{fileName}: {reason}");
}
