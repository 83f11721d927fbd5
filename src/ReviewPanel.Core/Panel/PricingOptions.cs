using System.ComponentModel.DataAnnotations;

namespace ReviewPanel.Panel;

/// <summary>
/// Token prices per model deployment, bound to <c>ReviewPanel:Pricing</c>
/// (<c>ReviewPanel__Pricing__Deployments__gpt-4o-mini__InputPer1M=0.15</c>). Default: none, so no cost is shown.
/// A deployment without a price makes the cost unknown, never zero.
/// </summary>
public sealed class PricingOptions
{
    public const string SectionName = "ReviewPanel:Pricing";

    /// <summary>Currency code shown next to costs. Default <c>USD</c>.</summary>
    [Required]
    [RegularExpression("^[A-Z]{3}$")]
    public string Currency { get; set; } = "USD";

    /// <summary>Deployment name (as in the persona's front matter / <c>CallRecord.Deployment</c>) → its prices.</summary>
    public Dictionary<string, TokenPrice> Deployments { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public bool Any => Deployments.Count > 0;

    /// <summary>The cost of these token counts, or null when a deployment that was called has no price.</summary>
    public decimal? CostOf(IEnumerable<DeploymentUsage> usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        decimal total = 0;
        foreach (var u in usage)
        {
            if (u.InputTokens == 0 && u.OutputTokens == 0)
            {
                continue;
            }
            var price = PriceOf(u.Deployment);
            if (price is null)
            {
                return null;
            }
            total += price.CostOf(u.InputTokens, u.CachedInputTokens, u.OutputTokens);
        }
        return total;
    }

    /// <summary>The deployment's price, matching its name case-insensitively (configuration keys are), or null.</summary>
    public TokenPrice? PriceOf(string? deployment) =>
        deployment is null ? null
        : Deployments.TryGetValue(deployment, out var price) ? price
        : Deployments.FirstOrDefault(kv => string.Equals(kv.Key, deployment, StringComparison.OrdinalIgnoreCase)).Value;
}
