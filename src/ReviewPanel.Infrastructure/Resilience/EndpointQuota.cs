namespace ReviewPanel.Resilience;

/// <summary>
/// An endpoint's request (RPM) and token (TPM) limiters and the corrections that keep them counting what the service
/// counts: a reply's reported prompt tokens replace the characters / 4 estimate charged at admission (the max_tokens
/// part stays charged, since Azure OpenAI keeps it for the minute whatever the reply used), an attempt the service
/// rejected with 429 is given back (the service did not count it; its retry is charged again when admitted), and the
/// <c>x-ratelimit-remaining-requests</c> / <c>-tokens</c> headers of a reply lower the local balance when the service
/// knows of more use (other clients of the deployment, estimates too low).
/// </summary>
public sealed class EndpointQuota(QuotaLimiter? requests, QuotaLimiter? tokens)
{
    public QuotaLimiter? Requests => requests;

    public QuotaLimiter? Tokens => tokens;

    /// <summary>The reply reported <paramref name="reportedPromptTokens"/>; admission charged <paramref name="estimatedPromptTokens"/> for the prompt.</summary>
    public void Reconcile(int estimatedPromptTokens, long? reportedPromptTokens)
    {
        if (tokens is not null && reportedPromptTokens is > 0)
        {
            tokens.Adjust(reportedPromptTokens.Value - estimatedPromptTokens);
        }
    }

    /// <summary>The service answered 429: it did not count the attempt, so neither do the limiters.</summary>
    public void Rejected(int tokenCharge)
    {
        requests?.Adjust(-1);
        tokens?.Adjust(-Math.Min(tokenCharge, tokens.Capacity));
    }

    /// <summary>What the service says remains of its quota (null: the header was absent).</summary>
    public void Observe(long? remainingRequests, long? remainingTokens)
    {
        if (remainingRequests is { } r)
        {
            requests?.Observe(r);
        }
        if (remainingTokens is { } t)
        {
            tokens?.Observe(t);
        }
    }
}
