using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace ReviewPanel.Tests.Telemetry;

/// <summary>An <see cref="IMeterFactory"/> of a test's own, as a host has one; disposing it disposes its meters.</summary>
internal sealed class MeterFactoryHost : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public IMeterFactory Factory => _services.GetRequiredService<IMeterFactory>();

    public void Dispose() => _services.Dispose();
}
