namespace ReviewPanel.Observability;

/// <summary>Whether the worker can take work now; <c>/readyz</c> answers 503 with the reason when it cannot.</summary>
public interface IReadinessCheck
{
    /// <summary>Null when ready, else a short reason such as "store unreachable: ..." or "circuit open: default".</summary>
    Task<string?> NotReadyReasonAsync(CancellationToken cancellationToken);
}
