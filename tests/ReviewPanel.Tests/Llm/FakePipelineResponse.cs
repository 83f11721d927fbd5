using System.ClientModel;
using System.ClientModel.Primitives;

namespace ReviewPanel.Tests.Llm;

/// <summary>A provider error response with chosen status, headers and body, for building <see cref="ClientResultException"/>s.</summary>
internal sealed class FakePipelineResponse(int status, IReadOnlyDictionary<string, string>? headers = null, string body = "") : PipelineResponse
{
    private readonly BinaryData _content = BinaryData.FromString(body);

    public static ClientResultException Error(int status, IReadOnlyDictionary<string, string>? headers = null, string body = "", string? message = null) =>
        new(message ?? $"HTTP {status}", new FakePipelineResponse(status, headers, body));

    public override int Status => status;

    public override string ReasonPhrase => "";

    public override Stream? ContentStream { get; set; }

    public override BinaryData Content => _content;

    protected override PipelineResponseHeaders HeadersCore => new FakeHeaders(headers ?? new Dictionary<string, string>());

    public override BinaryData BufferContent(CancellationToken cancellationToken = default) => _content;

    public override ValueTask<BinaryData> BufferContentAsync(CancellationToken cancellationToken = default) => new(_content);

    public override void Dispose()
    {
    }

    private sealed class FakeHeaders(IReadOnlyDictionary<string, string> values) : PipelineResponseHeaders
    {
        public override bool TryGetValue(string name, out string? value)
        {
            var hit = values.FirstOrDefault(kv => string.Equals(kv.Key, name, StringComparison.OrdinalIgnoreCase));
            value = hit.Value;
            return hit.Key is not null;
        }

        public override bool TryGetValues(string name, out IEnumerable<string>? values)
        {
            var found = TryGetValue(name, out var value);
            values = found ? [value!] : null;
            return found;
        }

        public override IEnumerator<KeyValuePair<string, string>> GetEnumerator() => values.GetEnumerator();
    }
}
