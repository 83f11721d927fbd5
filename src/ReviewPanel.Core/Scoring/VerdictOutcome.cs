namespace ReviewPanel.Scoring;

public enum VerdictOutcome
{
    Pass,
    Fail,
    /// <summary>The panel could not judge (import failed, quorum lost): never a pass.</summary>
    Error,
}
