using System.ClientModel;

namespace ReviewPanel.Resilience;

/// <summary>
/// The one place that recognizes Azure's content-filter refusal: HTTP 400 whose message or body names
/// <c>content_filter</c>. It is not transient (the same prompt is filtered again), so it is never retried.
/// </summary>
internal static class ContentFilterDetector
{
    private const string Marker = "content_filter";

    public static bool IsContentFilter(ClientResultException exception)
    {
        if (exception.Status != 400)
        {
            return false;
        }
        if (exception.Message.Contains(Marker, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        try
        {
            return exception.GetRawResponse()?.Content?.ToString().Contains(Marker, StringComparison.OrdinalIgnoreCase) == true;
        }
        catch (InvalidOperationException)
        {
            return false; // the body was streamed and not buffered; the message said nothing either
        }
    }
}
