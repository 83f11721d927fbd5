using ReviewPanel.Profiles;

namespace ReviewPanel.Panel;

/// <summary>What a run reviews and how: the sources, the panel, and where each source's bytes come from.</summary>
public sealed record RunRequest
{
    public required IReadOnlyList<string> Sources { get; init; }
    public PanelKind Panel { get; init; } = PanelKind.Offline;
    /// <summary>Ask the models again even where a cached review exists.</summary>
    public bool Fresh { get; init; }
    /// <summary>The command line, recorded in the run's provenance.</summary>
    public required string Command { get; init; }
    /// <summary>How a source becomes a profile; null reads the file with the importer.</summary>
    public Func<string, CancellationToken, ValueTask<ImportResult>>? Load { get; init; }
    /// <summary>Extra run settings recorded in provenance (e.g. <c>probe=true</c>).</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
    /// <summary>Stop starting new profiles once the run's priced cost reaches this (<c>--max-cost</c>); null: no limit.</summary>
    public decimal? MaxCost { get; init; }
    /// <summary>Called once per profile as its verdict is recorded (progress).</summary>
    public Action<ProfileSummary>? OnProfileDone { get; init; }
}
