using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReviewPanel.Hosting;
using ReviewPanel.Panel;
using ReviewPanel.Tests.Profiles;

namespace ReviewPanel.Tests.Support;

/// <summary>
/// The product's own registration (<see cref="ReviewPanelServiceCollectionExtensions.AddReviewPanel"/>) over in-memory
/// settings, so tests build the panel, the run use case and the store exactly as the executable does.
/// </summary>
internal static class TestHost
{
    private static readonly Lazy<ServiceProvider> Shared = new(() => Build());

    /// <summary>The services with the shipped rubric and a store file that is only created when something writes to it.</summary>
    public static ServiceProvider Build(IReadOnlyDictionary<string, string?>? settings = null, string? storePath = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["ReviewPanel:Panel:RubricPath"] = RepoFiles.Path("prompts", "rubric.md"),
            ["ReviewPanel:Llm:PersonasPath"] = RepoFiles.Path("prompts", "reviewers"),
            ["ReviewPanel:Llm:AdjudicatorPath"] = RepoFiles.Path("prompts", "adjudicator.md"),
            ["ReviewPanel:Store:Path"] = storePath ?? Path.Combine(Path.GetTempPath(), $"reviewpanel-test-{Guid.NewGuid():N}.db"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new ServiceCollection().AddReviewPanel(configuration).BuildServiceProvider();
    }

    /// <summary>The offline panel with default gate settings, as <c>review</c> builds it.</summary>
    public static PanelRunner OfflinePanel() => Shared.Value.GetRequiredService<PanelBuilder>().Build(PanelKind.Offline, fresh: false);
}
