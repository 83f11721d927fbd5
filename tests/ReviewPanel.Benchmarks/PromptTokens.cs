using System.Text.Json;
using Microsoft.Extensions.AI;
using ReviewPanel.Profiles;
using ReviewPanel.Reviewing.Llm;

namespace ReviewPanel.Benchmarks;

/// <summary>
/// <c>prompt-tokens [FILE]</c>: what each shipped persona's request costs against the quota before it is answered,
/// the way Azure OpenAI admits it: prompt characters / 4 (system + user messages) plus max_tokens. The response
/// schema is shown beside it (sent in response_format; Azure's documented estimate leaves it out).
/// </summary>
internal static class PromptTokens
{
    public static int Run(string root, string fixture)
    {
        var profile = new ProfileImporter().Import(fixture).Profile
            ?? throw new InvalidDataException($"{fixture} does not import.");
        var rubric = RubricDocument.Load(Path.Combine(root, "prompts", "rubric.md"));
        var builder = new ReviewPromptBuilder(rubric);
        var layerKeys = profile.Layers.Select(l => l.Key).Distinct(StringComparer.Ordinal).ToList();
        Console.WriteLine($"{Path.GetFileName(fixture)}: {profile.Layers.Count} layers, {profile.Layers.Sum(l => l.Text.Length)} characters of layer text");
        Console.WriteLine($"{"persona",-18} {"system ch",10} {"user ch",8} {"prompt tok",11} {"schema tok",11} {"max_tokens",11} {"charged",8}");
        long total = 0;
        foreach (var persona in PersonaFile.LoadDirectory(Path.Combine(root, "prompts", "reviewers")))
        {
            var prompt = builder.Build(persona, profile);
            var options = ReviewSchema.ReviewOptions(persona, layerKeys);
            var schema = options.ResponseFormat is ChatResponseFormatJson { Schema: { } s } ? JsonSerializer.Serialize(s).Length : 0;
            var system = prompt.System.Text.Length;
            var user = prompt.User.Text.Length;
            var promptTokens = (system + user + 3) / 4;
            var max = options.MaxOutputTokens ?? 1_000;
            total += promptTokens + max;
            Console.WriteLine($"{persona.Id,-18} {system,10} {user,8} {promptTokens,11} {(schema + 3) / 4,11} {max,11} {promptTokens + max,8}");
        }
        Console.WriteLine($"{"total",-18} {"",10} {"",8} {"",11} {"",11} {"",11} {total,8}");
        return 0;
    }
}
