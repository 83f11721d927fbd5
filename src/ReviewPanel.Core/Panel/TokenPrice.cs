using System.ComponentModel.DataAnnotations;

namespace ReviewPanel.Panel;

/// <summary>What one deployment charges per million tokens, in <see cref="PricingOptions.Currency"/>.</summary>
public sealed class TokenPrice
{
    [Range(0.0, 100000.0)]
    public decimal InputPer1M { get; set; }

    [Range(0.0, 100000.0)]
    public decimal OutputPer1M { get; set; }

    /// <summary>Price of input tokens the reply reports as cached (<c>usage.prompt_tokens_details.cached_tokens</c>); unset: <see cref="InputPer1M"/>.</summary>
    [Range(0.0, 100000.0)]
    public decimal? CachedInputPer1M { get; set; }

    /// <summary>The cost of these tokens; <paramref name="cachedInput"/> is part of <paramref name="input"/>.</summary>
    public decimal CostOf(long input, long cachedInput, long output)
    {
        var cached = Math.Clamp(cachedInput, 0, input);
        return (((input - cached) * InputPer1M) + (cached * (CachedInputPer1M ?? InputPer1M)) + (output * OutputPer1M)) / 1_000_000m;
    }
}
