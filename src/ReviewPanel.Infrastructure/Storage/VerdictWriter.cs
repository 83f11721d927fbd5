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
    /// Inserts <paramref name="count"/> rows into <paramref name="table"/> with one multi-row statement;
    /// <paramref name="value"/> gives row i's value of column c (in <paramref name="columns"/> order).
    /// </summary>
    public async Task InsertRowsAsync(string table, string[] columns, int count, Func<int, int, object?> value, CancellationToken cancellationToken)
    {
        if (count == 0)
        {
            return;
        }
        var key = $"{table}#{count}";
        if (!_commands.TryGetValue(key, out var command))
        {
            command = connection.CreateCommand();
            command.Transaction = transaction;
            var rows = Enumerable.Range(0, count).Select(i => "(" + string.Join(", ", columns.Select((_, c) => $"@p{i}_{c}")) + ")");
            command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES {string.Join(", ", rows)}";
            for (var i = 0; i < count; i++)
            {
                for (var c = 0; c < columns.Length; c++)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = $"@p{i}_{c}";
                    command.Parameters.Add(parameter);
                }
            }
            _commands[key] = command;
        }
        for (var i = 0; i < count; i++)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                command.Parameters[(i * columns.Length) + c].Value = value(i, c) ?? DBNull.Value;
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
