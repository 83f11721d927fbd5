using System.ComponentModel.DataAnnotations;

namespace ReviewPanel.Reporting;

/// <summary>Report settings, bound to <c>ReviewPanel:Report</c>.</summary>
public sealed class ReportOptions
{
    public const string SectionName = "ReviewPanel:Report";

    /// <summary>Price of 1,000 tokens (input and output alike) used to show a run's cost. Default 0: no cost shown as spent.</summary>
    [Range(0.0, 1000.0)]
    public decimal PricePer1KTokens { get; set; }

    /// <summary>Currency code shown next to the cost. Default <c>USD</c>.</summary>
    [Required]
    [RegularExpression("^[A-Z]{3}$")]
    public string Currency { get; set; } = "USD";
}
