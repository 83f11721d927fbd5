using Microsoft.Extensions.AI;

namespace ReviewPanel.Tests.Llm;

/// <summary>A scripted chat client: each call takes the next step (a reply or an exception) and records the request.</summary>
internal sealed class FakeChatClient : IChatClient
{
    private readonly Queue<Func<IReadOnlyList<ChatMessage>, CancellationToken, Task<ChatResponse>>> _script = new();

    public List<(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)> Requests { get; } = [];

    /// <summary>Runs before each step, e.g. to move a fake clock while the "request" is in flight.</summary>
    public Action? OnCall { get; set; }

    public FakeChatClient Reply(
        string text, ChatFinishReason? finish = null, string model = "gpt-test-0613", long input = 100, long output = 40, object? attempts = null)
    {
        _script.Enqueue((_, _) => Task.FromResult(Response(text, finish ?? ChatFinishReason.Stop, model, input, output, attempts)));
        return this;
    }

    public FakeChatClient Respond(ChatResponse response)
    {
        _script.Enqueue((_, _) => Task.FromResult(response));
        return this;
    }

    public FakeChatClient Throw(Exception exception)
    {
        _script.Enqueue((_, _) => Task.FromException<ChatResponse>(exception));
        return this;
    }

    public FakeChatClient Step(Func<IReadOnlyList<ChatMessage>, CancellationToken, Task<ChatResponse>> step)
    {
        _script.Enqueue(step);
        return this;
    }

    public static ChatResponse Response(string text, ChatFinishReason finish, string model = "gpt-test-0613", long input = 100, long output = 40, object? attempts = null)
    {
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
        {
            FinishReason = finish,
            ModelId = model,
            Usage = new UsageDetails { InputTokenCount = input, OutputTokenCount = output },
        };
        if (attempts is not null)
        {
            response.AdditionalProperties = new() { ["reviewpanel.attempts"] = attempts };
        }
        return response;
    }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Requests.Add(([.. messages], options));
        OnCall?.Invoke();
        if (!_script.TryDequeue(out var step))
        {
            throw new InvalidOperationException($"The fake chat client's script is exhausted after {Requests.Count - 1} call(s).");
        }
        return step(Requests[^1].Messages, cancellationToken);
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Reviewers do not stream.");

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
