namespace ReviewPanel.Reviewing.Llm;

/// <summary>
/// The provider's content filter refused the request (Azure answers HTTP 400 with code <c>content_filter</c>).
/// The chat-client adapter raises it, so reviewers can treat it like a filtered reply (re-ask, then error) without
/// knowing any provider's exception types.
/// </summary>
public sealed class ContentFilterException : Exception
{
    public ContentFilterException()
    {
    }

    public ContentFilterException(string message)
        : base(message)
    {
    }

    public ContentFilterException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
