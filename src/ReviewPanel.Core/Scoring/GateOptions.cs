using System.ComponentModel.DataAnnotations;

namespace ReviewPanel.Scoring;

/// <summary>
/// Aggregation and gate settings, bound to <c>ReviewPanel:Gate</c>. This is the one home of the pass threshold: the
/// reply validator, the adjudicator, the reports and the gold labels all read <see cref="PassThreshold"/> from here.
/// </summary>
public sealed class GateOptions
{
    public const string SectionName = "ReviewPanel:Gate";

    /// <summary>The default pass threshold (4: the rubric's "good").</summary>
    public const double DefaultPassThreshold = 4.0;

    /// <summary>How scores combine per dimension. Default: median.</summary>
    public AggregationMethod Aggregation { get; set; } = AggregationMethod.Median;

    /// <summary>A dimension passes when its aggregate is at least this. Default 4.</summary>
    [Range(1.0, 5.0)]
    public double PassThreshold { get; set; } = DefaultPassThreshold;

    /// <summary>
    /// Dimensions that must be judged for a pass. Empty means: those the panel's reviewers declare they score.
    /// </summary>
    public List<string> RequiredDimensions { get; set; } = [];

    /// <summary>
    /// How many raters must score a required dimension (abstentions, errors and ungrounded critiques do not count;
    /// the heuristic checks together are one rater). Default (unset): a majority of the raters configured for the
    /// dimension. Below quorum the verdict is <c>error</c>, never a pass.
    /// </summary>
    [Range(1, 100)]
    public int? Quorum { get; set; }

    /// <summary>A spread (max − min) at least this large on a dimension triggers adjudication. Default 2.</summary>
    [Range(1, 4)]
    public int DisagreementSpread { get; set; } = 2;

    /// <summary>
    /// Grounded findings are vetoes (default on): a score below the threshold backed by a grounded quote caps its
    /// dimension whatever other reviewers say. Off only for experiments: scores are then aggregated as given.
    /// </summary>
    public bool Veto { get; set; } = true;

    /// <summary>The smallest integer score that passes: what validators and gold labels compare integers against.</summary>
    public int PassingScore => (int)Math.Ceiling(PassThreshold);

    /// <summary>True when <paramref name="score"/> is below the pass threshold (a critique).</summary>
    public bool IsBelowThreshold(double score) => score < PassThreshold;
}
