using Microsoft.Extensions.Logging;

namespace ReviewPanel.Emulator;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Emulator listening on {BaseUri}")]
    public static partial void Listening(ILogger logger, Uri baseUri);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "{Path} for deployment '{Deployment}': {Step} -> {Status}")]
    public static partial void Answered(ILogger logger, string path, string deployment, string step, int status);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Hanging request for deployment '{Deployment}' ended by {Reason}")]
    public static partial void HangEnded(ILogger logger, string deployment, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Could not build a reply for deployment '{Deployment}'")]
    public static partial void ReplyFailed(ILogger logger, string deployment, Exception exception);
}
