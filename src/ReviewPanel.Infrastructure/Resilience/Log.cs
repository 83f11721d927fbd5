using Microsoft.Extensions.Logging;

namespace ReviewPanel.Resilience;

internal static partial class Log
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning,
        Message = "Endpoint {Endpoint}: attempt {Attempt} failed ({Reason}); retrying in {DelayMs} ms.")]
    public static partial void Retrying(ILogger logger, string endpoint, int attempt, string reason, double delayMs);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Information,
        Message = "Endpoint {Endpoint}: attempt {Attempt} throttled (HTTP 429); waiting {DelayMs} ms as the service asked.")]
    public static partial void Throttled(ILogger logger, string endpoint, int attempt, double delayMs);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning,
        Message = "Endpoint {Endpoint}: no quota configured; assuming {Rpm} requests and {Tpm} tokens per minute, which is likely far below your deployment's and will set the pace. Set ReviewPanel:Llm:Endpoints:{Endpoint}:Rpm and :Tpm to its quota (0 turns a limiter off).")]
    public static partial void QuotaAssumed(ILogger logger, string endpoint, int rpm, int tpm);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Error,
        Message = "Endpoint {Endpoint}: circuit opened for {BreakSeconds} s after repeated transient failures.")]
    public static partial void CircuitOpened(ILogger logger, string endpoint, double breakSeconds);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Endpoint {Endpoint}: circuit closed again.")]
    public static partial void CircuitClosed(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning,
        Message = "Endpoint {Endpoint}: the content filter rejected a request (HTTP 400 content_filter).")]
    public static partial void ContentFiltered(ILogger logger, string endpoint);
}
