using System.Globalization;

namespace ReviewPanel.Emulator;

/// <summary>Parses the standalone runner's flags into <see cref="EmulatorOptions"/>.</summary>
internal static class CommandLine
{
    public static string Usage { get; } = $"""
        Usage: ReviewPanel.Emulator [--port N] [--api-key KEY] [--policy NAME] [--score 1-5] [--latency-ms N]
                                    [--jitter-ms N] [--rate-429 F] [--rate-5xx F] [--retry-after-ms N] [--seed N]
                                    [--reject-unknown-deployments]
          policies: {string.Join(", ", EmulatorPolicyNames.All)}
        """;

    public static EmulatorOptions Parse(IReadOnlyList<string> args)
    {
        var options = new EmulatorOptions();
        var behavior = new DeploymentBehavior();
        for (var i = 0; i < args.Count; i++)
        {
            var flag = args[i];
            if (flag == "--reject-unknown-deployments")
            {
                options.RejectUnknownDeployments = true;
                continue;
            }

            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"Flag {flag} needs a value.");
            }

            var value = args[++i];
            switch (flag)
            {
                case "--port": options.Port = Int(flag, value); break;
                case "--api-key": options.ApiKey = value; break;
                case "--seed": options.Seed = Int(flag, value); break;
                case "--policy": behavior = behavior with { Policy = EmulatorPolicyNames.Parse(value) }; break;
                case "--score": behavior = behavior with { Score = Int(flag, value) }; break;
                case "--latency-ms": behavior = behavior with { LatencyMs = Int(flag, value) }; break;
                case "--jitter-ms": behavior = behavior with { JitterMs = Int(flag, value) }; break;
                case "--rate-429": behavior = behavior with { Rate429 = Fraction(flag, value) }; break;
                case "--rate-5xx": behavior = behavior with { Rate5xx = Fraction(flag, value) }; break;
                case "--retry-after-ms": behavior = behavior with { RetryAfterMs = Int(flag, value) }; break;
                default: throw new ArgumentException($"Unknown flag {flag}.");
            }
        }

        options.Default = behavior;
        return options;
    }

    private static int Int(string flag, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new ArgumentException($"{flag} needs an integer, not '{value}'.");

    private static double Fraction(string flag, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && f is >= 0 and <= 1
            ? f
            : throw new ArgumentException($"{flag} needs a fraction between 0 and 1, not '{value}'.");
}
