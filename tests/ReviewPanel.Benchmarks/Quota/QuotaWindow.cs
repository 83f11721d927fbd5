namespace ReviewPanel.Benchmarks.Quota;

/// <summary>
/// Azure OpenAI's admission rule for one deployment: each request is charged on arrival (prompt characters / 4 plus
/// its max_tokens) and admitted only while the last 60 seconds' requests and charges stay within RPM and TPM.
/// A sliding window, not a bucket refilled per minute, so a burst cannot borrow from the next minute.
/// </summary>
internal sealed class QuotaWindow(int rpm, int tpm, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(60);
    private readonly Queue<(DateTimeOffset At, long Tokens)> _admitted = new();
    private readonly Lock _gate = new();
    private long _tokensInWindow;

    /// <summary>Admits and charges the request, or says how long until it would fit.</summary>
    public Admission TryAdmit(long tokens)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            while (_admitted.Count > 0 && now - _admitted.Peek().At >= Window)
            {
                _tokensInWindow -= _admitted.Dequeue().Tokens;
            }
            var fitsRequests = _admitted.Count + 1 <= rpm;
            var fitsTokens = _tokensInWindow + tokens <= tpm;
            if (fitsRequests && fitsTokens)
            {
                _admitted.Enqueue((now, tokens));
                _tokensInWindow += tokens;
                return new Admission(true, TimeSpan.Zero, rpm - _admitted.Count, tpm - _tokensInWindow);
            }
            return new Admission(false, WaitUntilFits(now, tokens, fitsRequests), rpm - _admitted.Count, tpm - _tokensInWindow);
        }
    }

    /// <summary>What is left in the window now, for the headers of answers that were not admitted through here.</summary>
    public (long Requests, long Tokens) Remaining()
    {
        lock (_gate)
        {
            return (rpm - _admitted.Count, tpm - _tokensInWindow);
        }
    }

    // Walk the window oldest first until enough requests and tokens have left it.
    private TimeSpan WaitUntilFits(DateTimeOffset now, long tokens, bool fitsRequests)
    {
        var requests = _admitted.Count;
        var inWindow = _tokensInWindow;
        foreach (var (at, charged) in _admitted)
        {
            requests--;
            inWindow -= charged;
            if ((fitsRequests || requests + 1 <= rpm) && inWindow + tokens <= tpm)
            {
                return at + Window - now;
            }
        }
        return Window;
    }
}

/// <summary>The outcome of one admission check and what the window has left after it.</summary>
internal sealed record Admission(bool Admitted, TimeSpan RetryAfter, long RemainingRequests, long RemainingTokens);
