using Xunit.Abstractions;
using Xunit.Sdk;

namespace ReviewPanel.Tests.Storage;

/// <summary>A test case whose skip reason was decided at discovery (and survives serialization to the runner).</summary>
public sealed class ConditionallySkippedTestCase : XunitTestCase
{
    private string? skipReason;

    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public ConditionallySkippedTestCase()
    {
    }

    public ConditionallySkippedTestCase(
        IMessageSink diagnosticMessageSink,
        TestMethodDisplay defaultMethodDisplay,
        TestMethodDisplayOptions defaultMethodDisplayOptions,
        ITestMethod testMethod,
        string? skipReason)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod)
    {
        this.skipReason = skipReason;
    }

    protected override string? GetSkipReason(IAttributeInfo factAttribute) => skipReason ?? base.GetSkipReason(factAttribute);

    public override void Serialize(IXunitSerializationInfo data)
    {
        ArgumentNullException.ThrowIfNull(data);
        base.Serialize(data);
        data.AddValue("ConditionalSkipReason", skipReason);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        ArgumentNullException.ThrowIfNull(data);
        skipReason = data.GetValue<string?>("ConditionalSkipReason");
        base.Deserialize(data);
    }
}
