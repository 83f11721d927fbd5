using System.Text.Json;
using ReviewPanel.Reviewing;
using ReviewPanel.Serialization;

namespace ReviewPanel.Tests.Reviewing;

public sealed class CallRecordJsonTests
{
    [Fact]
    public void Deserialize_RecordWrittenBeforeCachedAndReservedTokens_ReadsThemAsUnknown()
    {
        // The shape stored in histories before the fields existed: histories are read (and verified) as written.
        const string old = """{"deployment":"panel","model":"gpt-4o-mini","temperature":0,"inputTokens":3200,"outputTokens":130,"attempts":1,"latencyMs":210.5,"finishReasons":["stop"],"rejectedReplies":[]}""";

        var call = JsonSerializer.Deserialize<CallRecord>(old, ReviewPanelJson.Canonical)!;

        Assert.Equal((3200, 130), (call.InputTokens, call.OutputTokens));
        Assert.Null(call.CachedInputTokens);
        Assert.Null(call.ReservedOutputTokens);
    }

    [Fact]
    public void Serialize_NewRecord_AddsTheFieldsAfterTheOldOnes()
    {
        var json = JsonSerializer.Serialize(new CallRecord { InputTokens = 10, CachedInputTokens = 0, ReservedOutputTokens = 410 }, ReviewPanelJson.Canonical);

        Assert.Contains("\"outputTokens\":0,\"cachedInputTokens\":0,\"reservedOutputTokens\":410,", json, StringComparison.Ordinal);
    }
}
