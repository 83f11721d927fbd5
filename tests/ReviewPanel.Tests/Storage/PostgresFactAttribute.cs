namespace ReviewPanel.Tests.Storage;

/// <summary>A fact that needs PostgreSQL: skipped, with the reason, when none is configured or reachable (never under CI=true).</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresTestDatabase.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
