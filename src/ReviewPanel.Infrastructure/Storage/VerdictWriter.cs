using System.Data.Common;

namespace ReviewPanel.Storage;

/// <summary>
/// One exclusive write transaction's appends: each statement is built once and re-executed with new values (a group
/// of verdicts is hundreds of inserts, and building and preparing each one anew was most of the write), and the
/// chain head is read once and then carried forward in memory, since nobody else can append while the lock is held.
/// </summary>
internal sealed class VerdictWriter(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
{
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>The last appended (sequence, record hash), once read or written in this transaction.</summary>
    public (long Sequence, string Sha)? Head { get; set; }

    public DbConnection Connection => connection;

    public DbTransaction Transaction => transaction;

    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        await Prepared(sql, parameters).ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

    public async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var value = await Prepared(sql, parameters).ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is DBNull ? null : value;
    }

    /// <summary>
    /// Inserts <paramref name="rows"/> (each its values in <paramref name="columns"/> order) into <paramref name="table"/>
    /// with one multi-row statement, built once per row count in this transaction.
    /// </summary>
    public async Task InsertRowsAsync(string table, string[] columns, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }
        var key = $"{table}#{rows.Count}";
        if (!_commands.TryGetValue(key, out var command))
        {
            command = connection.CreateCommand();
            command.Transaction = transaction;
            var tuples = Enumerable.Range(0, rows.Count).Select(i => "(" + string.Join(", ", columns.Select((_, c) => $"@p{i}_{c}")) + ")");
            command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES {string.Join(", ", tuples)}";
            for (var i = 0; i < rows.Count * columns.Length; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"@p{i / columns.Length}_{i % columns.Length}";
                command.Parameters.Add(parameter);
            }
            _commands[key] = command;
        }
        for (var i = 0; i < rows.Count; i++)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                command.Parameters[(i * columns.Length) + c].Value = rows[i][c] ?? DBNull.Value;
            }
        }
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private DbCommand Prepared(string sql, (string Name, object? Value)[] parameters)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (var (name, _) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@" + name;
                command.Parameters.Add(parameter);
            }
            _commands[sql] = command;
        }
        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters[i].Value = parameters[i].Value ?? DBNull.Value;
        }
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync().ConfigureAwait(false);
        }
        _commands.Clear();
    }
}
