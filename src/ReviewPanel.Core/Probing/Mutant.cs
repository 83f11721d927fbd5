using System.Text.Json.Serialization;

namespace ReviewPanel.Probing;

/// <summary>
/// One profile with one planted defect. Everything but <see cref="Text"/> is recorded with the probe run, so a probe
/// can be re-read from the history (see docs/probe.md).
/// </summary>
public sealed record Mutant
{
    /// <summary>The defect class, e.g. <c>duplicated-paragraph</c> (the operator's <see cref="IMutationOperator.Class"/>).</summary>
    public required string Class { get; init; }
    /// <summary>The operator's type name.</summary>
    public required string Operator { get; init; }
    /// <summary>The dimension the gate should fail, or <c>instructions-in-profile</c> for the injection rule.</summary>
    public required string ExpectedDimension { get; init; }
    /// <summary>Where the original was read from.</summary>
    public required string OriginalSource { get; init; }
    public string? OriginalVersionHash { get; init; }
    /// <summary>1-based number of this mutant among its class's mutants of the same original.</summary>
    public int Index { get; init; }
    /// <summary>The seed of the random source the operator drew from (derived from the run's seed, class, original and index).</summary>
    public int Seed { get; init; }
    public required MutationSpan Span { get; init; }
    /// <summary>What was planted, for people.</summary>
    public required string Note { get; init; }
    /// <summary>The name the mutant is reviewed and recorded under: <c>&lt;original source&gt;#probe:&lt;class&gt;:&lt;index&gt;</c>.</summary>
    public string Source => ProbeNames.MutantSource(OriginalSource, Class, Index);
    /// <summary>The version hash of the mutant as imported; checked against the chained verdict record when re-read.</summary>
    public string? VersionHash { get; init; }

    /// <summary>The mutated source text (not recorded: it is the original with <see cref="Span"/> applied).</summary>
    [JsonIgnore]
    public string Text { get; init; } = "";
}
