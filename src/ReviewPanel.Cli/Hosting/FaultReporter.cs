using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using ReviewPanel.Cli.Commands;
using ReviewPanel.Observability;
using ReviewPanel.Panel;
using ReviewPanel.Storage;

namespace ReviewPanel.Cli.Hosting;

/// <summary>
/// The one place where a fault (bad configuration, a store that cannot be used, a port in use) becomes what the user
/// sees: one <c>configuration error:</c> or <c>error:</c> line naming the cause and the setting to change, and exit code 2
/// ("could not judge"), never a stack trace and never exit 1 (which means "a profile failed the gate").
/// Used by <see cref="CommandRunner"/> and the worker command. README's "Exit codes" section lists these messages.
/// </summary>
internal static partial class FaultReporter
{
    private const string StorePath = "ReviewPanel:Store:Path";
    private const string StoreConnection = "ReviewPanel:Store:ConnectionString";

    /// <summary>Writes the line for <paramref name="fault"/> to <paramref name="stderr"/> and returns <see cref="ExitCodes.Error"/>.</summary>
    public static async Task<int> ReportAsync(TextWriter stderr, Exception fault, IServiceProvider? services)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        await stderr.WriteLineAsync(Describe(fault, services)).ConfigureAwait(false);
        return ExitCodes.Error;
    }

    /// <summary>The one line for a fault. Unknown exceptions (defects) still get one line, naming the type, and exit 2.</summary>
    public static string Describe(Exception fault, IServiceProvider? services)
    {
        ArgumentNullException.ThrowIfNull(fault);
        var store = new Lazy<string>(() => DescribeStore(services));
        foreach (var ex in Chain(fault))
        {
            if (DescribeOne(ex, services, store) is { } line)
            {
                return OneLine(line);
            }
        }
        var root = fault is AggregateException aggregate ? aggregate.Flatten().InnerExceptions[0] : fault;
        var trace = Environment.GetEnvironmentVariable("REVIEWPANEL_STACKTRACE") is "1" or "true" ? Environment.NewLine + root : string.Empty;
        return OneLine($"error: unexpected {root.GetType().Name}: {root.Message} (a defect in reviewpanel; set REVIEWPANEL_STACKTRACE=1 to print the stack trace)") + trace;
    }

    private static string? DescribeOne(Exception ex, IServiceProvider? services, Lazy<string> store) => ex switch
    {
        OptionsValidationException v => $"configuration error: {string.Join("; ", v.Failures)}",
        ConfigurationProblemException c => $"configuration error: {Clean(c.Message)}",
        CostLimitReachedException cost => cost.Message,
        InvalidDataException when ex.Message.StartsWith("Failed to load configuration from file", StringComparison.Ordinal) =>
            $"configuration error: {Clean(ex.Message)}: {Clean(ex.InnerException?.Message ?? "unreadable")}; fix the file's JSON",
        InvalidOperationException when ConfigurationConversion().Match(ex.Message) is { Success: true } m => DescribeConversion(m),
        StoreUnavailableException s => $"error: {Clean(s.Message)}; check {s.Setting}",
        SqliteException sqlite => DescribeSqlite(sqlite, store.Value),
        PostgresException pg => DescribePostgres(pg, store.Value),
        NpgsqlException npgsql when Chain(npgsql).OfType<SocketException>().FirstOrDefault() is { } socket =>
            $"error: cannot connect to PostgreSQL at {store.Value}: {Clean(socket.Message)}; check Host and Port in {StoreConnection} and that the server is running",
        NpgsqlException npgsql when Chain(npgsql).Any(e => e is TimeoutException) =>
            $"error: PostgreSQL at {store.Value} did not answer in time: {Clean(npgsql.Message)}; check Host, Port and Timeout in {StoreConnection}",
        // Kestrel wraps the socket's "Address already in use" in an IOException naming the URL; the inner message is the cause.
        IOException bind when bind.InnerException is AddressInUseException inUse =>
            $"error: the worker's HTTP endpoints cannot listen on 127.0.0.1:{HttpPort(services)}: {Clean(inUse.Message)}; " +
            "set ReviewPanel:Worker:HttpPort to a free port (0 turns the endpoints off)",
        IOException io when IsDiskFull(io) => $"error: the disk is full: {Clean(io.Message)}; free space (the history store is {store.Value}, {StorePath})",
        UnauthorizedAccessException or IOException => $"error: {Clean(ex.Message)}",
        _ => null,
    };

    private static string DescribeSqlite(SqliteException ex, string store) => ex.SqliteErrorCode switch
    {
        // SQLite reports ENOSPC as SQLITE_FULL on the database and as an I/O error on its WAL and shared-memory files.
        10 when IsFull(store) => $"error: the disk holding the history store {store} is full ({Clean(ex.Message)}); free space, or set {StorePath} to another disk",
        8 => $"error: the history store {store} is read-only ({Clean(ex.Message)}); make the file and its folder writable, or set {StorePath} to a writable location",
        13 => $"error: the disk holding the history store {store} is full ({Clean(ex.Message)}); free space, or set {StorePath} to another disk",
        11 or 26 => $"error: the history store {store} is not a SQLite database or is corrupt ({Clean(ex.Message)}); restore it from a backup, or set {StorePath} to another file",
        14 => $"error: the history store {store} cannot be opened ({Clean(ex.Message)}); check that its folder exists and is writable, or set {StorePath}",
        5 or 6 => $"error: the history store {store} stayed locked by another process ({Clean(ex.Message)}); retry when the other writer has finished",
        10 => $"error: I/O error on the history store {store} ({Clean(ex.Message)}); check the disk, or set {StorePath} to another location",
        _ => $"error: the history store {store} failed ({Clean(ex.Message)}); check {StorePath}",
    };

    private static string DescribePostgres(PostgresException ex, string store) => ex.SqlState switch
    {
        "28P01" or "28000" => $"error: PostgreSQL at {store} rejected the login ({ex.SqlState}: {ex.MessageText}); check Username and Password in {StoreConnection}",
        "3D000" => $"error: the PostgreSQL database at {store} does not exist ({ex.MessageText}); create it, or fix Database in {StoreConnection}",
        "42501" => $"error: PostgreSQL at {store} denied access ({ex.MessageText}); grant the user rights on the schema, or change Username in {StoreConnection}",
        "53100" => $"error: the disk of the PostgreSQL server at {store} is full ({ex.MessageText}); free space on the server",
        "25006" => $"error: PostgreSQL at {store} is read-only ({ex.MessageText}); point {StoreConnection} at the primary",
        _ => $"error: PostgreSQL at {store} failed ({ex.SqlState}: {ex.MessageText}); check {StoreConnection}",
    };

    private static string DescribeConversion(Match m)
    {
        var (value, key, typeName) = (m.Groups["value"].Value, m.Groups["key"].Value, m.Groups["type"].Value);
        var type = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(typeName, throwOnError: false)).FirstOrDefault(t => t is not null);
        var expected = type switch
        {
            { IsEnum: true } => $"one of {string.Join(", ", Enum.GetNames(type))}",
            not null when type == typeof(bool) => "true or false",
            not null when type == typeof(int) || type == typeof(long) || type == typeof(double) => "a number",
            not null when type == typeof(Uri) => "an absolute URL",
            _ => $"a {typeName[(typeName.LastIndexOf('.') + 1)..]}",
        };
        return $"configuration error: {key} is '{value}', which is not valid; expected {expected} (set it in appsettings.json or {key.Replace(":", "__", StringComparison.Ordinal)})";
    }

    private static string DescribeStore(IServiceProvider? services)
    {
        try
        {
            var options = services?.GetService<IOptions<StoreOptions>>()?.Value;
            if (options is null)
            {
                return "(store not configured)";
            }
            if (!options.IsPostgres)
            {
                return Path.GetFullPath(options.Path);
            }
            var cs = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            return $"{cs.Host}:{cs.Port}/{cs.Database} (user {cs.Username})";
        }
        catch (Exception ex) when (ex is OptionsValidationException or InvalidOperationException or ArgumentException or FormatException)
        {
            return "(store settings unreadable)";
        }
    }

    private static string HttpPort(IServiceProvider? services)
    {
        try
        {
            return services?.GetService<IOptions<WorkerHttpOptions>>()?.Value.HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?";
        }
        catch (Exception ex) when (ex is OptionsValidationException or InvalidOperationException)
        {
            return "?";
        }
    }

    // ENOSPC is errno 28; .NET on Unix reports it as the IOException's HResult, Windows as ERROR_DISK_FULL / ERROR_HANDLE_DISK_FULL.
    private static bool IsDiskFull(IOException io) => io.HResult is 28 or unchecked((int)0x80070070) or unchecked((int)0x80070027)
        || io.Message.Contains("No space left on device", StringComparison.OrdinalIgnoreCase);

    private static bool IsFull(string path)
    {
        try
        {
            var folder = Path.GetDirectoryName(path);
            return folder is not null && Directory.Exists(folder) && new DriveInfo(folder).AvailableFreeSpace < 64 * 1024;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return false;
        }
    }

    private static IEnumerable<Exception> Chain(Exception fault)
    {
        var pending = new Stack<Exception>();
        pending.Push(fault);
        while (pending.TryPop(out var ex))
        {
            yield return ex;
            if (ex is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.Reverse())
                {
                    pending.Push(inner);
                }
            }
            else if (ex.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }

    // Inner messages end with a full stop; the line goes on after them.
    private static string Clean(string message) => message.TrimEnd().TrimEnd('.');

    // One line even when a message spans several (SQLite and Npgsql messages sometimes do).
    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    [GeneratedRegex(@"^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex ConfigurationConversion();
}
