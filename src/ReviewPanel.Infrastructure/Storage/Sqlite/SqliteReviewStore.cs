using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReviewPanel.IO;

namespace ReviewPanel.Storage.Sqlite;

/// <summary>
/// The embedded history: one SQLite file in WAL mode (readers never block the writer). Appends take
/// <c>BEGIN IMMEDIATE</c>, so concurrent writers, in this process or another, queue on the busy timeout
/// instead of forking the chain.
/// </summary>
public sealed class SqliteReviewStore : DbReviewStore
{
    private const int BusyTimeoutMs = 30_000;

    private readonly string path;
    private readonly string connectionString;

    public SqliteReviewStore(IOptions<StoreOptions> options, TimeProvider timeProvider, ILogger<SqliteReviewStore> logger)
        : base(timeProvider, logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        path = System.IO.Path.GetFullPath(options.Value.Path);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = BusyTimeoutMs / 1000,
            ForeignKeys = true,
        }.ToString();
    }

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath => path;

    private protected override IReadOnlyList<Migration> Migrations => SqliteMigrations.All;

    private protected override string MigrationsTableSql => SqliteMigrations.MigrationsTable;

    private protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        EnsureSameFile();
        var directory = System.IO.Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            try
            {
                Directory.CreateDirectory(directory);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new StoreUnavailableException($"cannot create the folder {directory} of the history store: {ex.Message.TrimEnd('.')}", "ReviewPanel:Store:Path", ex);
            }
        }
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            // WAL with synchronous=NORMAL: a committed verdict survives a crash of the process (the case the
            // worker must handle); only a power cut can lose the last commits, never corrupt the chain.
            command.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMs}; PRAGMA synchronous = NORMAL;";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            RememberFile();
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// The file this store opened first, by identity (device and inode). SQLite keeps writing to an open file after it is
    /// deleted or replaced, and those verdicts vanish when the process ends; so every connection first checks that the
    /// path still names that file, and the store refuses to go on (the worker exits 2) when it does not.
    /// </summary>
    private StrongBox<FileNode>? openedFile;

    private void RememberFile()
    {
        if (Volatile.Read(ref openedFile) is null && FileNode.Of(path) is { Kind: FileNodeKind.RegularFile } node)
        {
            Interlocked.CompareExchange(ref openedFile, new StrongBox<FileNode>(node), null);
        }
    }

    private void EnsureSameFile()
    {
        if (Volatile.Read(ref openedFile) is not { Value: var known })
        {
            return;
        }
        var now = FileNode.Of(path);
        var replaced = now.Kind != FileNodeKind.RegularFile
            || (known.HasIdentity && (now.Device != known.Device || now.Inode != known.Inode));
        if (replaced)
        {
            throw new StoreUnavailableException(
                $"the history file {path} was {(now.Kind == FileNodeKind.Missing ? "deleted" : "replaced")} while this process was using it; " +
                "nothing more is claimed or recorded (verdicts written to the old file since the last check are lost with it). " +
                "Restore the file or start again on a new one", "ReviewPanel:Store:Path");
        }
    }

    // deferred: false issues BEGIN IMMEDIATE: the write lock is taken before the last record is read.
    private protected override ValueTask<DbTransaction> BeginExclusiveAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    private protected override async Task PrepareDatabaseAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private protected override object ToDbTimestamp(DateTimeOffset value) => ChainHash.FormatTimestamp(value);

    private protected override DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal) =>
        ChainHash.ParseTimestamp(reader.GetString(ordinal));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"sqlite:{path}");
}
