namespace ReviewPanel.Resilience;

/// <summary>
/// What one call is charged against an endpoint's TPM limiter. The real token count is only known after the call,
/// so the limiter charges an estimate before it: <see cref="Llm.EndpointOptions.EstimatedTokensPerCall"/> until
/// replies report usage, then a moving average of the usage they report. A fixed estimate above the real usage
/// leaves quota unused (5 000 charged for 3 300 used wastes a third of the TPM); one below it overruns the quota
/// and turns into 429s. The average follows prompt growth within a few dozen calls.
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
