using ReviewPanel.Panel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ReviewPanel.Cli.Hosting;

namespace ReviewPanel.Tests.Cli;

public sealed class TelemetryExportersTests
{
    private static ServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>("ReviewPanel:Telemetry:" + s.Key, s.Value)))
            .Build();
        return new ServiceCollection().AddLogging().AddReviewPanelTelemetry(config).BuildServiceProvider();
    }

    [Fact]
    public void AddReviewPanelTelemetry_DefaultNone_RegistersNoProviders()
    {
        using var services = Build();

        Assert.Null(services.GetService<TracerProvider>());
        Assert.Null(services.GetService<MeterProvider>());
    }

    [Theory]
    [InlineData("console")]
    [InlineData("otlp")]
    [InlineData("Console, OTLP")]
    public void AddReviewPanelTelemetry_ExporterNamed_BuildsTracerAndMeterProviders(string exporters)
    {
        using var services = Build(("Exporters", exporters), ("OtlpEndpoint", "http://127.0.0.1:4317"));

        Assert.NotNull(services.GetService<TracerProvider>());
        Assert.NotNull(services.GetService<MeterProvider>());
    }

    [Fact]
    public void AddReviewPanelTelemetry_UnknownExporter_IsAConfigurationProblemNamingTheSetting()
    {
        var ex = Assert.Throws<ConfigurationProblemException>(() => Build(("Exporters", "zipkin")));

        Assert.Contains("ReviewPanel:Telemetry:Exporters", ex.Message);
    }
}
