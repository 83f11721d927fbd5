namespace ReviewPanel.Emulator.Replies;

/// <summary>What a content-producing policy wants to say: scores, evidence, injections and prose. The schema walker
/// asks it for values by field name; it never sees the schema's shape.</summary>
internal sealed class ReplyPlan
{
    private const int MinQuoteLength = 20;
    private const int MaxQuoteLength = 160;

    private static readonly string[] Fabricated =
    [
        "Leads the quantum ledger migration for the interplanetary payroll platform",
        "Certified Kubernetes Space Navigator with twelve orbital deployments",
        "Owns the blockchain-based on-call rota approved by the Galactic SRE Council",
        "Writes all runbooks in COBOL-Lisp hybrid dialect mandated since 2031",
        "Reduced mean time to recovery to negative four minutes across all regions",
        "Mentors the Level 11 Principal Wizard cohort on telepathic incident response",
        "Maintains the HyperMesh 9000 service fabric invented in-house last quarter",
    ];

    private readonly EmulatorPolicy _policy;
    private readonly DeploymentBehavior _behavior;
    private readonly FencedProfile? _profile;
    private readonly IReadOnlyList<QuoteRef> _injections;

    public ReplyPlan(EmulatorPolicy policy, DeploymentBehavior behavior, FencedProfile? profile)
    {
        _policy = policy;
        _behavior = behavior;
        _profile = profile;
        _injections = InjectionDetector.Find(profile);
    }

    /// <summary>True when the gullible policy found instructions in the profile and follows them.</summary>
    public bool ObeysInjection => _policy == EmulatorPolicy.ObeyInjection && _injections.Count > 0;

    public int ScoreFor(string? dimension)
    {
        if (ObeysInjection)
        {
            return 5;
        }

        if (dimension is not null && _behavior.DimensionScores?.TryGetValue(dimension, out var pinned) == true)
        {
            return pinned;
        }

        return _behavior.Score ?? _policy switch
        {
            EmulatorPolicy.Low or EmulatorPolicy.Hallucinate or EmulatorPolicy.DetectInjection => 2,
            _ => 5,
        };
    }

    /// <summary>Evidence for one dimension. Scores below 4 always carry evidence (the protocol requires it), grounded
    /// unless the policy hallucinates.</summary>
    public IReadOnlyList<QuoteRef> EvidenceFor(string? dimension, int ordinal, IReadOnlyList<string>? allowedLayers)
    {
        var score = ScoreFor(dimension);
        if (_policy == EmulatorPolicy.Hallucinate)
        {
            return [Hallucinated(ordinal, allowedLayers)];
        }

        if (ObeysInjection || (score >= 4 && _policy is not (EmulatorPolicy.Low or EmulatorPolicy.DetectInjection)))
        {
            return [];
        }

        return [Grounded(ordinal, allowedLayers)];
    }

    public IReadOnlyList<QuoteRef> Injections =>
        _policy == EmulatorPolicy.DetectInjection ? _injections : [];

    public string Rationale(string? dimension) =>
        (dimension, ScoreFor(dimension)) switch
        {
            (null, var s) => $"Weighing the conflicting reviews, the profile merits a {s}.",
            (var d, >= 4) => $"The profile meets the {d} criteria of the rubric.",
            (var d, var s) => $"The profile falls short on {d}; see the quoted evidence (score {s}).",
        };

    public string Summary =>
        ObeysInjection || ScoreFor(null) >= 4
            ? "The profile is clear, specific and well calibrated."
            : "The profile needs work; the quoted passages show where.";

    private QuoteRef Grounded(int ordinal, IReadOnlyList<string>? allowedLayers)
    {
        var candidates = (_profile?.Layers ?? [])
            .Where(l => allowedLayers is null || allowedLayers.Contains(l.Key, StringComparer.Ordinal))
            .Select(l => (l.Key, Quote: QuotableLine(l.Text)))
            .Where(c => c.Quote is not null)
            .ToList();
        if (candidates.Count == 0)
        {
            // Nothing quotable: say so honestly rather than inventing text.
            return new QuoteRef(allowedLayers?.FirstOrDefault() ?? _profile?.Layers.FirstOrDefault()?.Key ?? "profile", "no quotable text");
        }

        var pick = candidates[ordinal % candidates.Count];
        return new QuoteRef(pick.Key, pick.Quote!);
    }

    private QuoteRef Hallucinated(int ordinal, IReadOnlyList<string>? allowedLayers)
    {
        var layer = allowedLayers?.FirstOrDefault() ?? _profile?.Layers.FirstOrDefault()?.Key ?? "profile";
        if (_profile?.Layers.Count > 0)
        {
            var layers = _profile.Layers.Where(l => allowedLayers is null || allowedLayers.Contains(l.Key, StringComparer.Ordinal)).ToList();
            if (layers.Count > 0)
            {
                layer = layers[ordinal % layers.Count].Key;
            }
        }

        var quote = Fabricated[ordinal % Fabricated.Length];
        var profileText = _profile?.Text ?? string.Empty;
        for (var n = 2; profileText.Contains(quote, StringComparison.OrdinalIgnoreCase); n++)
        {
            quote = $"{Fabricated[ordinal % Fabricated.Length]} (revision {n})";
        }

        return new QuoteRef(layer, quote);
    }

    /// <summary>The first line of at least 20 characters, without its list marker, cut to a readable length; still a
    /// verbatim substring of the layer.</summary>
    private static string? QuotableLine(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim().TrimStart('-', '*', '•').Trim();
            if (line.Length >= MinQuoteLength)
            {
                return line.Length > MaxQuoteLength ? line[..MaxQuoteLength].TrimEnd() : line;
            }
        }

        return null;
    }
}
