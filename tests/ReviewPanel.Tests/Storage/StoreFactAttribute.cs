using Xunit.Sdk;

namespace ReviewPanel.Tests.Storage;

/// <summary>
/// A contract fact, declared once in <see cref="ReviewStoreContractTests"/> and run against every backend. In a
/// class marked <see cref="RequiresPostgresAttribute"/> it skips like <see cref="PostgresFactAttribute"/>.
/// </summary>
[XunitTestCaseDiscoverer("ReviewPanel.Tests.Storage.StoreFactDiscoverer", "ReviewPanel.Tests")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class StoreFactAttribute : FactAttribute;
