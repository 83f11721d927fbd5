using ReviewPanel.Emulator;

namespace ReviewPanel.Tests.Emulator;

public sealed class CommandLineTests
{
    [Fact]
    public void Parse_AllFlags_MapOntoOptionsAndTheDefaultBehaviour()
    {
        var options = CommandLine.Parse(
        [
            "--port", "5099", "--api-key", "k", "--latency-ms", "20", "--jitter-ms", "5", "--rate-429", "0.25",
            "--rate-5xx", "0.1", "--policy", "obey-injection", "--seed", "9", "--score", "3", "--reject-unknown-deployments",
        ]);

        Assert.Equal(5099, options.Port);
        Assert.Equal("k", options.ApiKey);
        Assert.Equal(9, options.Seed);
        Assert.True(options.RejectUnknownDeployments);
        Assert.Equal(
            new DeploymentBehavior { Policy = EmulatorPolicy.ObeyInjection, Score = 3, LatencyMs = 20, JitterMs = 5, Rate429 = 0.25, Rate5xx = 0.1 },
            options.Default);
    }

    [Theory]
    [InlineData("--policy", "sometimes")]
    [InlineData("--rate-429", "1.5")]
    [InlineData("--port", "eighty")]
    [InlineData("--colour", "blue")]
    [InlineData("--port")]
    public void Parse_BadInput_ThrowsArgumentException(params string[] args) =>
        Assert.Throws<ArgumentException>(() => CommandLine.Parse(args));

    [Fact]
    public void PolicyNames_RoundTripEveryPolicy()
    {
        foreach (var policy in Enum.GetValues<EmulatorPolicy>())
        {
            Assert.Equal(policy, EmulatorPolicyNames.Parse(policy.ToName()));
        }
    }
}
