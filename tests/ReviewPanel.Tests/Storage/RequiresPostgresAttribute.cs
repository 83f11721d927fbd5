namespace ReviewPanel.Tests.Storage;

/// <summary>Marks a test class whose <see cref="StoreFactAttribute"/> tests need a PostgreSQL server.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class RequiresPostgresAttribute : Attribute;
