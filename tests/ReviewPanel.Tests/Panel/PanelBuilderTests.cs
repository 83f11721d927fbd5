using Microsoft.Extensions.DependencyInjection;
using ReviewPanel.Panel;
using ReviewPanel.Tests.Llm;
using ReviewPanel.Reviewing;
using ReviewPanel.Tests.Support;

namespace ReviewPanel.Tests.Panel;

public sealed class PanelBuilderTests
{
    private static ServiceProvider Services(int maxConcurrency) => TestHost.Build(new Dictionary<string, string?>
    {
        ["ReviewPanel:Llm:Endpoints:default:Endpoint"] = "http://127.0.0.1:9/",
        ["ReviewPanel:Llm:Endpoints:default:Deployment"] = "d",
        ["ReviewPanel:Llm:Endpoints:default:ApiKey"] = "k",
        ["ReviewPanel:Llm:Endpoints:default:MaxConcurrency"] = maxConcurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    [Fact]
    public void Build_Offline_IsTheHeuristicsAloneAtTheMachinesCores()
    {
        using var services = Services(40);

        var panel = services.GetRequiredService<PanelBuilder>().Build(PanelKind.Offline, fresh: false);

        Assert.All(panel.Reviewers, r => Assert.Equal(ReviewerKinds.Heuristic, r.Descriptor.Kind));
        Assert.Equal(Environment.ProcessorCount, panel.SuggestedParallelism);
    }

    [Fact]
    public void Build_All_WrapsEveryPersonaInTheCacheAndFillsTheEndpointsConcurrency()
    {
        using var services = Services(40);

        var panel = services.GetRequiredService<PanelBuilder>().Build(PanelKind.All, fresh: false);

        var personas = panel.Reviewers.Where(r => r.Descriptor.Kind == ReviewerKinds.Llm).ToList();
        Assert.Equal(LlmTestData.ShippedPersonaCount, personas.Count);
        Assert.All(personas, p => Assert.IsType<CachingReviewer>(p));
        // One endpoint serves the personas and the adjudicator: its 40 slots, not a global cap of 4 profiles.
        Assert.Equal(Math.Max(Environment.ProcessorCount, 40), panel.SuggestedParallelism);
    }

    [Fact]
    public void Build_LlmWithoutAnEndpoint_IsAConfigurationProblemNamingTheSetting()
    {
        using var services = TestHost.Build();

        var ex = Assert.Throws<ConfigurationProblemException>(() => services.GetRequiredService<PanelBuilder>().Build(PanelKind.Llm, fresh: false));

        Assert.Contains("needs an LLM endpoint", ex.Message, StringComparison.Ordinal);
    }
}
