namespace ReviewPanel.Reviewing;

public enum ReviewStatus
{
    /// <summary>The reviewer answered; its scores count.</summary>
    Ok,
    /// <summary>The reviewer crashed or never gave a valid answer; an error is never a score.</summary>
    Error,
}
