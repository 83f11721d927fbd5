namespace ReviewPanel.Resilience;

/// <summary>
/// The TPM charge of a call whose request the limiter cannot see (a pipeline used without
/// <see cref="ResilientChatClient"/>, which charges what the service charges on arrival instead):
/// <see cref="Llm.EndpointOptions.EstimatedTokensPerCall"/> until replies report usage, then a moving average of the
/// usage they report.
/// </summary>
public sealed class TokenUsageEstimate(int initial, int maximum)
{
    // Weight of the newest observation: about the last 20 calls matter, so one outlier moves the charge by 5%.
    private const double Weight = 0.05;
    private readonly Lock _gate = new();
    private double _average = Math.Clamp(initial, 1, Math.Max(1, maximum));
    private bool _observed;

    /// <summary>Tokens to charge the next call: at least 1, at most what the bucket can hold.</summary>
    public int Current
    {
        get
        {
            lock (_gate)
            {
                return (int)Math.Clamp(Math.Ceiling(_average), 1, Math.Max(1, maximum));
            }
        }
    }

    /// <summary>Records the tokens (input plus output) a successful call really used; non-positive counts are ignored.</summary>
    public void Observe(long tokens)
    {
        if (tokens <= 0)
        {
            return;
        }
        lock (_gate)
        {
            // The first real count replaces the configured guess outright: it is already better evidence.
            _average = _observed ? _average + (Weight * (tokens - _average)) : tokens;
            _observed = true;
        }
    }
}
