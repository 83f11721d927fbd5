namespace ReviewPanel.Resilience;

/// <summary>What one HTTP response said remains of the deployment's quota (null: the header was absent).</summary>
public sealed class RemainingQuota
{
    public long? Requests { get; set; }

    public long? Tokens { get; set; }
}
