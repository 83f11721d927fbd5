namespace ReviewPanel.Reviewing.Llm;

/// <summary>What a structured call produced: a validated value or an error, and the call's record either way.</summary>
internal sealed record CallOutcome<T>(T? Value, string? Error, CallRecord Call)
    where T : class
{
    public static CallOutcome<T> Ok(T value, CallRecord call) => new(value, null, call);

    public static CallOutcome<T> Failed(string error, CallRecord call) => new(null, error, call);
}
