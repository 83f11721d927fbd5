using System.Data.Common;

namespace ReviewPanel.Tests.Cli.Worker;

/// <summary>Raw counts read straight from the database the worker processes wrote.</summary>
internal static class HistoryCounts
{
    /// <summary>Profile id → how many verdicts it has.</summary>
    public static async Task<Dictionary<string, long>> VerdictsPerProfileAsync(DbConnection connection)
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT profile_id, COUNT(*) FROM verdicts GROUP BY profile_id";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result[reader.GetString(0)] = reader.GetInt64(1);
        }
        return result;
    }

    /// <summary>State → job count.</summary>
    public static async Task<Dictionary<string, long>> JobsPerStateAsync(DbConnection connection) =>
        await GroupCountAsync(connection, "SELECT state, COUNT(*) FROM jobs GROUP BY state");

    /// <summary>Worker id → done jobs.</summary>
    public static async Task<Dictionary<string, long>> DoneJobsPerWorkerAsync(DbConnection connection) =>
        await GroupCountAsync(connection, "SELECT worker_id, COUNT(*) FROM jobs WHERE state = 'done' GROUP BY worker_id");

    public static async Task<long> CountAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<Dictionary<string, long>> GroupCountAsync(DbConnection connection, string sql)
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result[reader.GetString(0)] = reader.GetInt64(1);
        }
        return result;
    }
}
