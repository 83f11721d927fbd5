using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReviewPanel.Hosting;

namespace ReviewPanel.Benchmarks;

/// <summary>The product's registration over in-memory settings: benchmarks measure the panel exactly as the executable builds it.</summary>
internal static class BenchHost
{
    public static ServiceProvider Build(string storePath, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var root = Root.Find();
        var values = new Dictionary<string, string?>
        {
            ["ReviewPanel:Panel:RubricPath"] = Path.Combine(root, "prompts", "rubric.md"),
            ["ReviewPanel:Llm:PersonasPath"] = Path.Combine(root, "prompts", "reviewers"),
            ["ReviewPanel:Llm:AdjudicatorPath"] = Path.Combine(root, "prompts", "adjudicator.md"),
            ["ReviewPanel:Store:Path"] = storePath,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }
        return new ServiceCollection().AddReviewPanel(new ConfigurationBuilder().AddInMemoryCollection(values).Build()).BuildServiceProvider();
    }
}
