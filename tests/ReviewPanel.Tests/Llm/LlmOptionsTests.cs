using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReviewPanel.Llm;
using ReviewPanel.Panel;
using ReviewPanel.Reviewing;
using ReviewPanel.Tests.Support;

namespace ReviewPanel.Tests.Llm;

public sealed class LlmOptionsTests
{
    private const string Key = "sk-SECRET-123";

    private static ServiceProvider Services(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddLogging()
            .AddReviewPanelLlm(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();

    [Fact]
    public void AddReviewPanelLlm_EnvironmentShortcuts_FillTheDefaultEndpoint()
    {
        using var services = Services(new()
        {
            ["AZURE_OPENAI_ENDPOINT"] = "https://res.openai.azure.com/",
            ["AZURE_OPENAI_DEPLOYMENT"] = "gpt-4o",
            ["AZURE_OPENAI_API_KEY"] = Key,
            ["ReviewPanel:Llm:Repeats"] = "3",
        });

        var options = services.GetRequiredService<IOptions<LlmOptions>>().Value;

        var endpoint = options.Endpoints["default"];
        Assert.Equal(new Uri("https://res.openai.azure.com/"), endpoint.Endpoint);
        Assert.Equal("gpt-4o", endpoint.Deployment);
        Assert.Equal(Key, endpoint.ApiKey);
        Assert.Equal(LlmProviders.AzureOpenAI, endpoint.Provider);
        Assert.Equal(3, options.Repeats);
    }

    [Fact]
    public void AddReviewPanelLlm_ConfiguredEndpoint_BindsQuotaAndModelAlias()
    {
        using var services = Services(new()
        {
            ["ReviewPanel:Llm:DefaultEndpoint"] = "local",
            ["ReviewPanel:Llm:Endpoints:local:Provider"] = "openai-compatible",
            ["ReviewPanel:Llm:Endpoints:local:Endpoint"] = "http://127.0.0.1:8080/v1",
            ["ReviewPanel:Llm:Endpoints:local:Model"] = "llama",
            ["ReviewPanel:Llm:Endpoints:local:Rpm"] = "600",
            ["ReviewPanel:Llm:Endpoints:local:CircuitBreaker:BreakSeconds"] = "5",
        });

        var endpoint = services.GetRequiredService<IOptions<LlmOptions>>().Value.Endpoints["local"];

        Assert.Equal("llama", endpoint.Deployment);
        Assert.Equal(600, endpoint.Rpm);
        Assert.Equal(5, endpoint.CircuitBreaker.BreakSeconds);
    }

    [Fact]
    public void AddReviewPanelLlm_NoEndpoint_ValidationErrorNamesWhatToSet()
    {
        using var services = Services([]);

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<LlmOptions>>().Value);

        Assert.Contains("DefaultEndpoint 'default' is not configured", ex.Message);
        Assert.Contains("AZURE_OPENAI_ENDPOINT", ex.Message);
    }

    [Fact]
    public void Validate_MissingDeploymentBadProviderAndVersion_EachReportedWithoutTheKey()
    {
        var options = new LlmOptions
        {
            Endpoints =
            {
                ["default"] = new EndpointOptions { Provider = "bedrock", Endpoint = new Uri("https://x.example/"), ApiKey = Key, ApiVersion = "2023-01-01" },
            },
        };

        var result = new LlmOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var message = result.FailureMessage;
        Assert.Contains("ReviewPanel:Llm:Endpoints:default:Deployment (or :Model) is missing", message);
        Assert.Contains("Provider 'bedrock' is not one of", message);
        Assert.Contains("ApiVersion '2023-01-01' is not supported", message);
        Assert.DoesNotContain(Key, message);
    }

    [Fact]
    public void Validate_MissingEndpointUrl_Reported()
    {
        var options = new LlmOptions { Endpoints = { ["default"] = new EndpointOptions { Deployment = "d" } } };
        Assert.Contains("default:Endpoint is missing", new LlmOptionsValidator().Validate(null, options).FailureMessage);
    }

    [Theory]
    [InlineData(null, Key)]
    [InlineData("key", Key)]
    [InlineData("entra", null)]
    public void Validate_CompleteEndpoint_Succeeds(string? auth, string? key)
    {
        var options = new LlmOptions { Endpoints = { ["default"] = new EndpointOptions { Endpoint = new Uri("https://x.openai.azure.com/"), Deployment = "d", Auth = auth, ApiKey = key } } };
        Assert.True(new LlmOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_AzureWithoutKeyInKeyMode_IsAFailureNamingBothWaysOut()
    {
        // No silent fallback to DefaultAzureCredential: Entra ID is chosen explicitly or not at all.
        var options = new LlmOptions { Endpoints = { ["default"] = new EndpointOptions { Endpoint = new Uri("https://x.openai.azure.com/"), Deployment = "d" } } };

        var message = new LlmOptionsValidator().Validate(null, options).FailureMessage;

        Assert.Contains("ReviewPanel:Llm:Endpoints:default:ApiKey is missing and ReviewPanel:Llm:Endpoints:default:Auth is 'key'", message);
        Assert.Contains("AZURE_OPENAI_API_KEY", message);
        Assert.Contains("ReviewPanel__Llm__Endpoints__default__Auth=entra", message);
    }

    [Theory]
    [InlineData("azure-openai", "none", "Auth 'none' is not possible with Azure OpenAI")]
    [InlineData("openai-compatible", "entra", "Auth 'entra' needs Provider 'azure-openai'")]
    [InlineData("azure-openai", "password", "Auth 'password' is not one of key, entra, none")]
    public void Validate_AuthModeThatDoesNotFitTheProvider_IsAFailure(string provider, string auth, string expected)
    {
        var options = new LlmOptions { Endpoints = { ["default"] = new EndpointOptions { Provider = provider, Endpoint = new Uri("https://x.example/"), Deployment = "d", Auth = auth } } };
        Assert.Contains(expected, new LlmOptionsValidator().Validate(null, options).FailureMessage);
    }

    [Fact]
    public void EndpointOptions_ToString_NeverShowsTheKey()
    {
        var endpoint = new EndpointOptions { Endpoint = new Uri("https://x.openai.azure.com/"), Deployment = "d", ApiKey = Key };
        var text = endpoint.ToString();
        Assert.DoesNotContain(Key, text);
        Assert.Contains("api-key(***)", text);
        Assert.Contains("deployment=d", text);
    }

    [Fact]
    public void Catalog_LoadsCommittedPersonasAndAdjudicatorOnTheDefaultEndpoint()
    {
        var prompts = LlmTestData.PromptsDirectory();
        var rubric = Path.GetTempFileName();
        File.WriteAllText(rubric, LlmTestData.RubricText);
        try
        {
            using var services = TestHost.Build(new Dictionary<string, string?>
            {
                ["AZURE_OPENAI_ENDPOINT"] = "https://res.openai.azure.com/",
                ["AZURE_OPENAI_DEPLOYMENT"] = "gpt-4o",
                ["AZURE_OPENAI_API_KEY"] = Key,
                ["ReviewPanel:Llm:PersonasPath"] = Path.Combine(prompts, "reviewers"),
                ["ReviewPanel:Llm:AdjudicatorPath"] = Path.Combine(prompts, "adjudicator.md"),
                ["ReviewPanel:Panel:RubricPath"] = rubric,
            });

            var catalog = services.GetRequiredService<LlmReviewerCatalog>();
            Assert.Same(catalog, services.GetRequiredService<IReviewerCatalog>());

            Assert.Equal(
                ["llm.leveling-expert", "llm.practitioner", "llm.red-teamer"],
                catalog.Reviewers.Select(r => r.Descriptor.Id));
            Assert.All(catalog.Reviewers, r => Assert.Equal("gpt-4o", r.Descriptor.Model));
            Assert.Equal("adjudicator", catalog.Adjudicator.Descriptor.Kind);
        }
        finally
        {
            File.Delete(rubric);
        }
    }
}
