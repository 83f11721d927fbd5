namespace ReviewPanel.Reviewing.Llm;

/// <summary>The outcome of validating one model reply: the parsed value, or a precise error to send back on a re-ask.</summary>
public sealed record ReplyValidation<T>
    where T : class
{
    private ReplyValidation(T? value, string? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public string? Error { get; }

    public bool IsValid => Value is not null;

    public static ReplyValidation<T> Ok(T value) => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    public static ReplyValidation<T> Fail(string error) => new(null, error);
}
