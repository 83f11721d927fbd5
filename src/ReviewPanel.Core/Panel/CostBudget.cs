namespace ReviewPanel.Panel;

/// <summary>
/// The run's spend against <c>--max-cost</c>: each recorded profile's fresh calls are priced as they finish, and once
/// the total reaches the limit no new profile is started (those in flight finish and are kept). A called deployment
/// without a price stops new work too: a limit cannot be kept on a cost that is unknown.
/// </summary>
public sealed class CostBudget(decimal limit, PricingOptions pricing)
{
    private readonly Lock _gate = new();
    private decimal _spent;
    private string? _unpriced;

    public decimal Limit => limit;

    public string Currency => pricing.Currency;

    public decimal Spent
    {
        get
        {
            lock (_gate)
            {
                return _spent;
            }
        }
    }

    /// <summary>The deployment whose cost could not be priced, when one was called.</summary>
    public string? Unpriced
    {
        get
        {
            lock (_gate)
            {
                return _unpriced;
            }
        }
    }

    /// <summary>True once the spend reached the limit or could not be priced: start nothing new.</summary>
    public bool Exhausted
    {
        get
        {
            lock (_gate)
            {
                return _unpriced is not null || _spent >= limit;
            }
        }
    }

    public void Add(ProfileSummary profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var cost = pricing.CostOf(profile.Usage);
        lock (_gate)
        {
            if (cost is { } known)
            {
                _spent += known;
            }
            else
            {
                _unpriced ??= profile.Usage.FirstOrDefault(u => (u.InputTokens > 0 || u.OutputTokens > 0) && pricing.PriceOf(u.Deployment) is null)?.Deployment ?? "(unnamed)";
            }
        }
    }
}
