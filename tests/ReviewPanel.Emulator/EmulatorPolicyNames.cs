namespace ReviewPanel.Emulator;

/// <summary>The kebab-case names of <see cref="EmulatorPolicy"/> used by the command line and in reports.</summary>
public static class EmulatorPolicyNames
{
    private static readonly Dictionary<string, EmulatorPolicy> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["high"] = EmulatorPolicy.High,
        ["low"] = EmulatorPolicy.Low,
        ["hallucinate"] = EmulatorPolicy.Hallucinate,
        ["obey-injection"] = EmulatorPolicy.ObeyInjection,
        ["detect-injection"] = EmulatorPolicy.DetectInjection,
        ["malformed"] = EmulatorPolicy.Malformed,
        ["schema-broken"] = EmulatorPolicy.SchemaBroken,
        ["refusal"] = EmulatorPolicy.Refusal,
        ["length"] = EmulatorPolicy.Length,
        ["content-filter"] = EmulatorPolicy.ContentFilter,
        ["status-429"] = EmulatorPolicy.Status429,
        ["status-500"] = EmulatorPolicy.Status500,
        ["status-503"] = EmulatorPolicy.Status503,
        ["hang"] = EmulatorPolicy.Hang,
        ["grader"] = EmulatorPolicy.Grader,
    };

    /// <summary>All names, in declaration order of the enum.</summary>
    public static IReadOnlyList<string> All { get; } =
        [.. ByName.OrderBy(p => (int)p.Value).Select(p => p.Key)];

    public static bool TryParse(string? name, out EmulatorPolicy policy) =>
        ByName.TryGetValue(name?.Trim() ?? string.Empty, out policy);

    public static EmulatorPolicy Parse(string name) =>
        TryParse(name, out var policy)
            ? policy
            : throw new ArgumentException($"Unknown policy '{name}'. Known: {string.Join(", ", All)}.", nameof(name));

    /// <summary>Parses a script such as <c>["status-429", "status-429", "high"]</c>.</summary>
    public static IReadOnlyList<EmulatorPolicy> ParseScript(params IEnumerable<string> names) => [.. names.Select(Parse)];

    public static string ToName(this EmulatorPolicy policy) =>
        ByName.First(p => p.Value == policy).Key;
}
