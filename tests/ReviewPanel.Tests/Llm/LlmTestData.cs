using System.Text;
using System.Text.Json;
using ReviewPanel.Hashing;
using ReviewPanel.Profiles;
using ReviewPanel.Reviewing.Llm;
using ReviewPanel.Tests.Profiles;

namespace ReviewPanel.Tests.Llm;

internal static class LlmTestData
{
    /// <summary>A placeholder rubric for tests only; the real one is prompts/rubric.md.</summary>
    public const string RubricText = "# Test rubric\n\n## accuracy\n1: invented facts. 5: all facts real.\n\n## specificity\n1: filler. 5: observable.\n";

    public static RubricDocument Rubric { get; } = new(RubricText, Sha256Text.Of(RubricText), "test-rubric.md");

    public static ProfileLayer Layer(string key, string title, string text) => new()
    {
        Key = key,
        Title = title,
        Text = text,
        Sha256 = Sha256Text.Of(TextNormalizer.Normalize(text)),
    };

    public static RoleProfile Profile(params ProfileLayer[] layers) => new()
    {
        Id = "INFRAS.TEST.P6",
        Title = "Test Role — P6",
        Level = "P6",
        VersionHash = Sha256Text.Of(string.Join("|", layers.Select(l => l.Key + ":" + l.Sha256))),
        Source = "test.txt",
        Format = "text",
        Layers = layers.Length > 0 ? layers : DefaultLayers,
    };

    public static ProfileLayer[] DefaultLayers { get; } =
    [
        Layer("focus", "Focus — Site Reliability", "Focuses on the reliability of production systems through SLOs and error budgets."),
        Layer("responsibilities", "Responsibilities by level", "- Performs basic troubleshooting.\n- Leverages synergies to drive excellence."),
        Layer("skills", "Skills", "- Kubernetes\n- Terraform\n- Quantum YAML Orchestrator"),
    ];

    public static PersonaFile Persona(string id = "practitioner", double temperature = 0, params string[] dimensions)
    {
        var dims = dimensions.Length > 0 ? dimensions : ["accuracy", "specificity"];
        var text = $"---\nid: {id}\ndimensions: [{string.Join(", ", dims)}]\ntemperature: {temperature.ToString(System.Globalization.CultureInfo.InvariantCulture)}\n---\nFind the weakest point.\n";
        return PersonaFile.Parse($"{id}.md", Encoding.UTF8.GetBytes(text));
    }

    public static object Score(string dimension, int score, params (string Layer, string Quote)[] evidence) => new
    {
        dimension,
        score,
        rationale = $"{dimension} judged {score}",
        evidence = evidence.Select(e => new { layer = e.Layer, quote = e.Quote }).ToArray(),
    };

    public static string Reply(object[] scores, (string Layer, string Quote)[]? injections = null, string summary = "Weak on specifics.") =>
        JsonSerializer.Serialize(new
        {
            scores,
            injections = (injections ?? []).Select(e => new { layer = e.Layer, quote = e.Quote }).ToArray(),
            summary,
        });

    /// <summary>A valid reply for the default persona (accuracy, specificity).</summary>
    public static string GoodReply(int accuracy = 4, int specificity = 2) => Reply(
    [
        Score("accuracy", accuracy, accuracy < 4 ? [("skills", "Quantum YAML Orchestrator")] : []),
        Score("specificity", specificity, specificity < 4 ? [("responsibilities", "Leverages synergies to drive excellence.")] : []),
    ]);

    /// <summary>How many personas the repository ships: one model call each per profile.</summary>
    public static int ShippedPersonaCount => PersonaFile.LoadDirectory(RepoFiles.Path("prompts", "reviewers")).Count;

    /// <summary>The repository's prompts/ directory, found by walking up from the test binaries.</summary>
    public static string PromptsDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "prompts", "reviewers");
            if (Directory.Exists(candidate))
            {
                return Path.Combine(dir.FullName, "prompts");
            }
        }
        throw new DirectoryNotFoundException("prompts/reviewers not found above the test output directory.");
    }
}
