using Xunit.Abstractions;
using Xunit.Sdk;

namespace ReviewPanel.Tests.Storage;

/// <summary>
/// Discovers <see cref="StoreFactAttribute"/> tests per concrete class: an attribute on a shared base method
/// cannot know its backend, the class can.
/// </summary>
public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var needsPostgres = testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresPostgresAttribute)).Any();
        var skip = needsPostgres ? PostgresTestDatabase.SkipReason : null;
        yield return new ConditionallySkippedTestCase(
            diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, skip);
    }
}
