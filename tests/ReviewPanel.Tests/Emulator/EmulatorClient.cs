using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ReviewPanel.Emulator;

namespace ReviewPanel.Tests.Emulator;

/// <summary>Plain HttpClient calls against a running emulator, and the parts of a reply tests look at.</summary>
internal sealed class EmulatorClient(EmulatorServer server) : IDisposable
{
    public const string ApiVersion = "2024-10-21";

    private readonly HttpClient _http = new() { BaseAddress = server.BaseUri, Timeout = TimeSpan.FromSeconds(30) };

    public sealed record Reply(HttpStatusCode Status, string Body, HttpResponseHeaders Headers)
    {
        public JsonNode Json => JsonNode.Parse(Body)!;

        public string? Content => Json["choices"]?[0]?["message"]?["content"]?.GetValue<string>();

        public JsonNode ContentJson => JsonNode.Parse(Content ?? throw new InvalidOperationException("no content"))!;

        public string FinishReason => Json["choices"]![0]!["finish_reason"]!.GetValue<string>();
    }

    public Task<Reply> AzureAsync(string deployment, JsonNode body, string? apiKey = null, string? apiVersion = ApiVersion, CancellationToken ct = default)
    {
        var query = apiVersion is null ? string.Empty : $"?api-version={apiVersion}";
        var request = new HttpRequestMessage(HttpMethod.Post, $"openai/deployments/{deployment}/chat/completions{query}")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("api-key", apiKey ?? server.ApiKey);
        return SendAsync(request, ct);
    }

    public Task<Reply> OpenAiAsync(JsonNode body, string? bearer = null, CancellationToken ct = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer ?? server.ApiKey);
        return SendAsync(request, ct);
    }

    public async Task<Reply> SendAsync(HttpRequestMessage request, CancellationToken ct = default)
    {
        using (request)
        {
            using var response = await _http.SendAsync(request, ct);
            return new Reply(response.StatusCode, await response.Content.ReadAsStringAsync(ct), response.Headers);
        }
    }

    public Task<string> GetStringAsync(string path) => _http.GetStringAsync(path);

    public void Dispose() => _http.Dispose();
}
