namespace ReviewPanel.Benchmarks;

/// <summary>The endpoint quota and the emulator's behaviour for the end-to-end LLM benchmark.</summary>
internal sealed record LlmQuota(
    int Rpm,
    int Tpm,
    int MaxConcurrency,
    int EstimatedTokensPerCall,
    int LatencyMs,
    int JitterMs,
    double Rate429,
    int RetryAfterMs)
{
    /// <summary>Mean emulator latency: the jitter is uniform in [0, JitterMs).</summary>
    public double MeanLatencySeconds => (LatencyMs + JitterMs / 2.0) / 1000.0;

    /// <summary>The three bounds on HTTP requests per second the quota admits, given the real tokens per call.</summary>
    public (double Rpm, double Tpm, double Concurrency) Bounds(double tokensPerCall) =>
        (Rpm > 0 ? Rpm / 60.0 : double.PositiveInfinity,
         Tpm > 0 ? Tpm / 60.0 / tokensPerCall : double.PositiveInfinity,
         MaxConcurrency > 0 ? MaxConcurrency / MeanLatencySeconds : double.PositiveInfinity);
}
