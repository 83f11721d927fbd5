using System.ComponentModel.DataAnnotations;

namespace ReviewPanel.Scoring;

/// <summary>Aggregation and gate settings, bound to <c>ReviewPanel:Gate</c>.</summary>
public sealed class GateOptions
{
    public const string SectionName = "ReviewPanel:Gate";

    /// <summary>How scores combine per dimension. Default: median.</summary>
    public AggregationMethod Aggregation { get; set; } = AggregationMethod.Median;

    /// <summary>A dimension passes when its aggregate is at least this. Default 4.</summary>
    [Range(1.0, 5.0)]
    public double PassThreshold { get; set; } = 4.0;

    /// <summary>
    /// Dimensions that must be judged for a pass. Empty means: those the panel's reviewers declare they score.
    /// </summary>
    public List<string> RequiredDimensions { get; set; } = [];

    /// <summary>How many reviewers must score a required dimension (abstentions and errors do not count). Default 1.</summary>
    [Range(1, 100)]
    public int Quorum { get; set; } = 1;

    /// <summary>A spread (max − min) at least this large on a dimension triggers adjudication. Default 2.</summary>
    [Range(1, 4)]
    public int DisagreementSpread { get; set; } = 2;
}
