using System.Globalization;
using System.Text.Json.Nodes;

namespace ReviewPanel.Emulator.Wire;

/// <summary>Error bodies as the services send them. Azure bodies follow the spec's <c>errorResponse</c>: that schema
/// types <c>code</c>, <c>param</c> and <c>type</c> as non-nullable strings, so fields the service would send as null
/// are left out rather than sent as null (Azure itself omits them on 401/429).</summary>
internal static class WireErrors
{
    public static WireReply Unauthorized(WireFlavor flavor) => flavor == WireFlavor.Azure
        ? Azure(401, "401", "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.")
        : OpenAi(401, "invalid_api_key", "invalid_request_error", "Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.");

    public static WireReply ResourceNotFound() => Azure(404, "404", "Resource not found");

    public static WireReply ApiVersionNotSupported() => Azure(400, "BadRequest", "API version not supported");

    public static WireReply DeploymentNotFound(WireFlavor flavor, string deployment) => flavor == WireFlavor.Azure
        ? Azure(404, "DeploymentNotFound", "The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.")
        : OpenAi(404, "model_not_found", "invalid_request_error", $"The model `{deployment}` does not exist or you do not have access to it.");

    public static WireReply BadRequest(WireFlavor flavor, string message) => flavor == WireFlavor.Azure
        ? Azure(400, "BadRequest", message, type: "invalid_request_error")
        : OpenAi(400, null, "invalid_request_error", message);

    public static WireReply TooManyRequests(WireFlavor flavor, string apiVersion, int retryAfterMs)
    {
        var seconds = (int)Math.Ceiling(retryAfterMs / 1000.0);
        var reply = flavor == WireFlavor.Azure
            ? Azure(429, "429", $"Requests to the ChatCompletions_Create Operation under Azure OpenAI API version {apiVersion} have exceeded token rate limit of your current OpenAI S0 pricing tier. Please retry after {seconds} seconds. Please go here: https://aka.ms/oai/quotaincrease if you would like to further increase the default rate limit.")
            : OpenAi(429, "rate_limit_exceeded", "requests", $"Rate limit reached for requests. Please try again in {retryAfterMs}ms.");
        return reply with
        {
            Headers = new Dictionary<string, string>
            {
                ["retry-after-ms"] = retryAfterMs.ToString(CultureInfo.InvariantCulture),
                ["retry-after"] = seconds.ToString(CultureInfo.InvariantCulture),
                ["x-ratelimit-remaining-requests"] = "0",
                ["x-ratelimit-remaining-tokens"] = "0",
            },
        };
    }

    public static WireReply ServerError(WireFlavor flavor) => flavor == WireFlavor.Azure
        ? Azure(500, "500", "The server had an error processing your request. Sorry about that! You can retry your request, or contact us through an Azure support request at: https://go.microsoft.com/fwlink/?linkid=2213926 if you keep seeing this error.", type: "server_error")
        : OpenAi(500, null, "server_error", "The server had an error while processing your request. Sorry about that!");

    public static WireReply ServiceUnavailable(WireFlavor flavor) => flavor == WireFlavor.Azure
        ? Azure(503, "503", "The service is temporarily unable to process your request. Please try again later.", type: "server_error")
        : OpenAi(503, null, "server_error", "The engine is currently overloaded, please try again later.");

    /// <summary>The 400 Azure sends when the prompt trips a content filter. The service puts the details under
    /// <c>innererror.content_filter_result</c>; the spec documents them as <c>inner_error.content_filter_results</c>.
    /// Both are sent so a client reading either finds them.</summary>
    public static WireReply ContentFilter()
    {
        var error = new JsonObject
        {
            ["code"] = "content_filter",
            ["message"] = "The response was filtered due to the prompt triggering Azure OpenAI's content management policy. Please modify your prompt and retry. To learn more about our content filtering policies please read our documentation: https://go.microsoft.com/fwlink/?linkid=2198766",
            ["param"] = "prompt",
            ["status"] = 400,
            ["innererror"] = new JsonObject
            {
                ["code"] = "ResponsibleAIPolicyViolation",
                ["content_filter_result"] = ContentFilterResults.Prompt(filteredCategory: "violence"),
            },
            ["inner_error"] = new JsonObject
            {
                ["code"] = "ResponsibleAIPolicyViolation",
                ["content_filter_results"] = ContentFilterResults.Prompt(filteredCategory: "violence"),
            },
        };
        return new WireReply(400, new JsonObject { ["error"] = error });
    }

    private static WireReply Azure(int status, string code, string message, string? type = null)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (type is not null)
        {
            error["type"] = type;
        }

        return new WireReply(status, new JsonObject { ["error"] = error });
    }

    private static WireReply OpenAi(int status, string? code, string type, string message) =>
        new(status, new JsonObject
        {
            ["error"] = new JsonObject { ["message"] = message, ["type"] = type, ["param"] = null, ["code"] = code },
        });
}
