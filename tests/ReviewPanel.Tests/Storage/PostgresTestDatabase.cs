using Npgsql;

namespace ReviewPanel.Tests.Storage;

/// <summary>
/// The PostgreSQL server the tests may use: <c>REVIEWPANEL_TEST_POSTGRES</c> (a connection string). Without one,
/// or when it does not answer, PostgreSQL tests skip, except under <c>CI=true</c>, where they run and fail.
/// </summary>
internal static class PostgresTestDatabase
{
    public const string EnvironmentVariable = "REVIEWPANEL_TEST_POSTGRES";

    private static readonly Lazy<string?> LazySkipReason = new(ComputeSkipReason);

    public static string? ConnectionString => Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } cs ? cs : null;

    /// <summary>Null when the tests must run; otherwise why they skip.</summary>
    public static string? SkipReason => LazySkipReason.Value;

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The connection string, or a failure that says what to set (CI must not skip silently).</summary>
    public static string RequireConnectionString() => ConnectionString
        ?? throw new InvalidOperationException(
            $"CI=true but {EnvironmentVariable} is not set: run .ci/postgres-setup.sh and export the connection string it prints.");

    private static string? ComputeSkipReason()
    {
        if (IsCi)
        {
            return null;
        }
        if (ConnectionString is not { } cs)
        {
            return $"PostgreSQL tests skipped: set {EnvironmentVariable} to a connection string (see .ci/postgres-setup.sh).";
        }
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(cs) { Timeout = 3 };
            using var connection = new NpgsqlConnection(builder.ConnectionString);
            connection.Open();
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or ArgumentException or InvalidOperationException)
        {
            return $"PostgreSQL tests skipped: {EnvironmentVariable} is set but the server is unreachable ({ex.Message}).";
        }
    }
}
