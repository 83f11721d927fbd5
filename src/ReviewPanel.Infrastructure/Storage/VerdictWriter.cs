using System.Data.Common;

namespace ReviewPanel.Storage;

/// <summary>
/// One exclusive write transaction's appends: each statement is built once and re-executed with new values (a group
/// of 64 verdicts is about 2,000 inserts, and building and preparing each one anew was most of the write), and the
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
