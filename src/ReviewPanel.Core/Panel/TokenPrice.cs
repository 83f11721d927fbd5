using System.ComponentModel.DataAnnotations;

namespace ReviewPanel.Panel;

/// <summary>What one deployment charges per million tokens, in <see cref="PricingOptions.Currency"/>.</summary>
public sealed class TokenPrice
{
    [Range(0.0, 100000.0)]
    public decimal InputPer1M { get; set; }

    [Range(0.0, 100000.0)]
    public decimal OutputPer1M { get; set; }

    /// <summary>Price of cached input tokens; applied to calls that report cached tokens (none do yet: see README, Cost).</summary>
    [Range(0.0, 100000.0)]
    public decimal CachedInputPer1M { get; set; }
}
