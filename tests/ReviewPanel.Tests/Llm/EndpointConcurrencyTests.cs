using ReviewPanel.Llm;

namespace ReviewPanel.Tests.Llm;

/// <summary>Calls in flight follow the endpoint's request quota unless set: the quota, not a fixed cap, sets the pace.</summary>
public sealed class EndpointConcurrencyTests
{
    [Theory]
    [InlineData(null, 10)]   // the assumed 60 RPM: one call a second at 10 s each
    [InlineData(600, 100)]
    [InlineData(6, 4)]       // never fewer than 4
    [InlineData(100_000, 256)] // never more than 256
    [InlineData(0, 64)]      // request limiter off
    public void UnsetMaxConcurrency_IsDerivedFromTheRequestQuota(int? rpm, int expected) =>
        Assert.Equal(expected, new EndpointOptions { Rpm = rpm }.EffectiveMaxConcurrency);

    [Theory]
    [InlineData(3)]
    [InlineData(0)]
    public void ConfiguredMaxConcurrency_WinsOverTheDerivedOne(int configured) =>
        Assert.Equal(configured, new EndpointOptions { Rpm = 600, MaxConcurrency = configured }.EffectiveMaxConcurrency);
}
