using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ReviewPanel.Cli.Output;
using ReviewPanel.Panel;
using ReviewPanel.Scoring;
using ReviewPanel.Tests.Support;

namespace ReviewPanel.Tests.Cli;

/// <summary>Cost per profile and per run from per-deployment prices: in the JSON and on the summary line; unknown is never zero.</summary>
public sealed class CostOutputTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static ProfileSummary Summary(string id, params DeploymentUsage[] usage) => new()
    {
        Source = $"{id}.txt",
        ProfileId = id,
        Verdict = VerdictOutcome.Pass,
        Scores = new Dictionary<string, double?> { ["consistency"] = 5 },
        Failing = [],
        JudgedBy = new Dictionary<string, IReadOnlyList<string>>(),
        FailingEvidence = [],
        Unstable = [],
        InputTokens = usage.Sum(u => u.InputTokens),
        OutputTokens = usage.Sum(u => u.OutputTokens),
        Usage = usage,
    };

    private static PricingOptions Prices() => new()
    {
        Deployments = new(StringComparer.OrdinalIgnoreCase)
        {
            ["mini"] = new TokenPrice { InputPer1M = 0.15m, OutputPer1M = 0.60m },
            ["big"] = new TokenPrice { InputPer1M = 2.50m, OutputPer1M = 10m },
        },
    };

    [Fact]
    public void Json_PricedDeployments_CostPerProfileAndForTheRun()
    {
        var result = new BatchResult("run-1", [Summary("a", new DeploymentUsage("mini", 1_000_000, 100_000), new DeploymentUsage("big", 200_000, 10_000)), Summary("b", new DeploymentUsage("mini", 2_000_000, 0))], T0, T0);

        using var json = JsonDocument.Parse(BatchOutput.Json(result, result, Prices()));

        var profiles = json.RootElement.GetProperty("profiles").EnumerateArray().ToList();
        Assert.Equal(0.15m + 0.06m + 0.5m + 0.1m, profiles[0].GetProperty("cost").GetDecimal());
        Assert.Equal(0.30m, profiles[1].GetProperty("cost").GetDecimal());
        Assert.Equal(1.11m, json.RootElement.GetProperty("cost").GetProperty("total").GetDecimal());
        Assert.Equal("USD", json.RootElement.GetProperty("cost").GetProperty("currency").GetString());
    }

    [Theory]
    [InlineData(0.075, 0.075 + 0.0375)]   // 500k fresh at 0.15 plus 500k cached at 0.075
    [InlineData(null, 0.15)]              // no cached price: cached input costs what input costs
    public void CostOf_CachedInputTokensReported_PricedAtTheCachedInputPrice(double? cachedPer1M, double expected)
    {
        var prices = new PricingOptions
        {
            Deployments = { ["mini"] = new TokenPrice { InputPer1M = 0.15m, OutputPer1M = 0.60m, CachedInputPer1M = (decimal?)cachedPer1M } },
        };

        var cost = prices.CostOf([new DeploymentUsage("mini", 1_000_000, 0, CachedInputTokens: 500_000)]);

        Assert.Equal((decimal)expected, cost);
    }

    [Fact]
    public void Json_DeploymentWithoutPrice_CostIsNullNotZero()
    {
        var result = new BatchResult("run-1", [Summary("a", new DeploymentUsage("unpriced", 1000, 10))], T0, T0);

        using var json = JsonDocument.Parse(BatchOutput.Json(result, result, Prices()));

        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("profiles")[0].GetProperty("cost").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("cost").GetProperty("total").ValueKind);
    }

    [Fact]
    public async Task Table_PricedRun_SummaryLineCarriesTheCostAndTokens()
    {
        var result = new BatchResult("run-1", [Summary("a", new DeploymentUsage("mini", 1_000_000, 100_000))], T0, T0);
        using var writer = new StringWriter();

        await BatchOutput.WriteAsync(result, "table", writer, pricing: Prices());

        Assert.Contains("Cost 0.21 USD (1,000,000 in / 100,000 out tokens).", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Table_NoModelCalls_NoCostShown()
    {
        var result = new BatchResult("run-1", [Summary("a")], T0, T0);
        using var writer = new StringWriter();

        await BatchOutput.WriteAsync(result, "table", writer, pricing: Prices());

        Assert.DoesNotContain("Cost", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pricing_FromConfiguration_BindsPerDeploymentPricesAndMatchesNamesIgnoringCase()
    {
        await using var services = TestHost.Build(new Dictionary<string, string?>
        {
            ["ReviewPanel:Pricing:Currency"] = "EUR",
            ["ReviewPanel:Pricing:Deployments:gpt-4o-mini:InputPer1M"] = "0.15",
            ["ReviewPanel:Pricing:Deployments:gpt-4o-mini:OutputPer1M"] = "0.6",
        });

        var pricing = services.GetRequiredService<ReviewRunService>().Pricing;

        Assert.Equal("EUR", pricing.Currency);
        Assert.Equal(0.75m, pricing.CostOf([new DeploymentUsage("GPT-4o-mini", 1_000_000, 1_000_000)]));
    }
}
