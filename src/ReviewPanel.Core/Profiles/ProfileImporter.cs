using System.Text;
using Microsoft.Extensions.Options;
using ReviewPanel.IO;

namespace ReviewPanel.Profiles;

/// <summary>
/// Imports role profiles from files (untrusted input): the seed's text format or the canonical JSON format
/// (docs/profile-format.md). Bad input never throws: every failure is an <see cref="ImportResult"/> carrying an
/// <see cref="ImportError"/> with the path and a one-line reason.
/// </summary>
public sealed class ProfileImporter(IOptions<ImportOptions> options)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    // One folder at a time, nothing skipped silently: an unreadable subfolder must surface as an error.
    private static readonly EnumerationOptions OneLevel = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = false,
        AttributesToSkip = 0,
    };

    private readonly ImportOptions _options = options.Value;

    /// <summary>An importer with default limits.</summary>
    public ProfileImporter()
        : this(Options.Create(new ImportOptions()))
    {
    }

    /// <summary>
    /// The files to import: files as given (whatever their extension), folders searched recursively for <c>*.txt</c> and
    /// <c>*.json</c> (not <c>*.schema.json</c>, nor the calibration labels <c>*.gold.json</c>), sorted ordinally. A path that does not exist is
    /// passed through, so <see cref="Import"/> reports it as an error; so is a subfolder that cannot be listed, and a
    /// FIFO or device with a profile's name (never opened). A folder reached twice (two symlinks to it, a symlink loop)
    /// is searched once, by its identity (device and inode), not its path. A file reached twice is listed once.
    /// </summary>
    public IEnumerable<string> ExpandSources(IEnumerable<string> filesOrFolders)
    {
        ArgumentNullException.ThrowIfNull(filesOrFolders);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in filesOrFolders)
        {
            if (FileNode.Of(source).Kind != FileNodeKind.Directory)
            {
                if (seen.Add(Identity(source)))
                {
                    yield return source;
                }
                continue;
            }
            foreach (var file in Walk(source, visited).Order(StringComparer.Ordinal))
            {
                if (seen.Add(Identity(file)))
                {
                    yield return file;
                }
            }
        }
    }

    /// <summary>The profile files under <paramref name="root"/>, and every subfolder that could not be listed.</summary>
    private static List<string> Walk(string root, HashSet<string> visited)
    {
        var found = new List<string>();
        var pending = new Stack<string>();
        if (Visit(root, visited))
        {
            pending.Push(root);
        }
        while (pending.TryPop(out var folder))
        {
            List<string> entries;
            try
            {
                entries = [.. Directory.EnumerateFileSystemEntries(folder, "*", OneLevel)];
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                // Import reports it ("cannot read folder: ..."): the batch shows it and exits 2.
                found.Add(folder);
                continue;
            }
            foreach (var entry in entries)
            {
                var node = FileNode.Of(entry);
                if (node.Kind == FileNodeKind.Directory)
                {
                    if (Visit(entry, visited))
                    {
                        pending.Push(entry);
                    }
                }
                else if (IsProfileFile(entry))
                {
                    found.Add(entry);
                }
            }
        }
        return found;
    }

    /// <summary>True the first time a folder is reached (by identity where the platform has one, else by full path).</summary>
    private static bool Visit(string folder, HashSet<string> visited)
    {
        if (FileNode.Of(folder).HasIdentity)
        {
            return visited.Add(Identity(folder));
        }
        var real = new DirectoryInfo(folder).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? FullPath(folder);
        return visited.Add(real);
    }

    private static string Identity(string path)
    {
        var node = FileNode.Of(path);
        return node.HasIdentity ? $"{node.Device}:{node.Inode}" : FullPath(path);
    }

    /// <summary>Imports one file. Never throws for bad input or unreadable paths.</summary>
    public ImportResult Import(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return ImportResult.Failure(path ?? string.Empty, ImportErrorKind.Unreadable, "no path given");
        }
        ReadOnlyMemory<byte>? content;
        try
        {
            if (NotReadable(path) is { } reason)
            {
                return ImportResult.Failure(path, ImportErrorKind.Unreadable, reason);
            }
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            content = ReadBounded(stream, _options.MaxFileBytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return ImportResult.Failure(path, ImportErrorKind.Unreadable, $"cannot read file: {ex.Message}");
        }
        return content is { } bytes
            ? ImportContent(path, bytes.Span)
            : ImportResult.Failure(
                path, ImportErrorKind.TooLarge, $"file is larger than the {_options.MaxFileBytes}-byte limit (ReviewPanel:Import:MaxFileBytes)");
    }

    /// <summary>
    /// Imports bytes read earlier (a queued draft whose file may be gone), as if read from <paramref name="source"/>:
    /// same checks and size limit as <see cref="Import(string)"/>. Never throws for bad input.
    /// </summary>
    public ImportResult Import(string source, ReadOnlySpan<byte> content) =>
        content.Length > _options.MaxFileBytes
            ? ImportResult.Failure(source, ImportErrorKind.TooLarge, $"file is larger than the {_options.MaxFileBytes}-byte limit (ReviewPanel:Import:MaxFileBytes)")
            : ImportContent(source, content);

    /// <summary>The bytes of a file within the size limit, or null when it is missing, unreadable or too large.</summary>
    public byte[]? TryReadBytes(string path) => TryReadBytes(path, out _);

    /// <summary>
    /// The bytes of a regular file within the size limit, or null with the reason (missing, a folder, a FIFO or device —
    /// never opened —, unreadable, too large).
    /// </summary>
    public byte[]? TryReadBytes(string path, out string? reason)
    {
        reason = NotReadable(path);
        if (reason is not null)
        {
            return null;
        }
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            var bytes = ReadBounded(stream, _options.MaxFileBytes)?.ToArray();
            reason = bytes is null ? $"file is larger than the {_options.MaxFileBytes}-byte limit (ReviewPanel:Import:MaxFileBytes)" : null;
            return bytes;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            reason = $"cannot read file: {ex.Message}";
            return null;
        }
    }

    /// <summary>
    /// Why <paramref name="path"/> is not opened, or null for a regular file. The kind is read before opening: opening a
    /// FIFO for reading blocks until a writer appears, and a device may never end.
    /// </summary>
    internal static string? NotReadable(string path)
    {
        var node = FileNode.Of(path);
        switch (node.Kind)
        {
            case FileNodeKind.RegularFile:
                return null;
            case FileNodeKind.Missing:
                return "file not found";
            case FileNodeKind.Directory:
                try
                {
                    _ = Directory.EnumerateFileSystemEntries(path, "*", OneLevel).Any();
                    return "is a folder, not a file";
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
                {
                    return $"cannot read folder: {ex.Message}";
                }
            case FileNodeKind.Unknown:
                return node.Errno != 0
                    ? $"cannot read file: {new System.ComponentModel.Win32Exception(node.Errno).Message}"
                    : "cannot read file";
            default:
                return $"not a regular file ({FileNode.Describe(node.Kind)}); not opened";
        }
    }

    /// <summary>
    /// Reads at most <paramref name="maxBytes"/> + 1 bytes: null when there is more than <paramref name="maxBytes"/>, so
    /// an oversized file is rejected without being loaded. Does not trust the stream's reported length.
    /// </summary>
    internal static ReadOnlyMemory<byte>? ReadBounded(Stream stream, int maxBytes)
    {
        var limit = (long)maxBytes + 1;
        var initial = stream.CanSeek ? Math.Min(Math.Max(stream.Length - stream.Position, 0) + 1, limit) : Math.Min(limit, 81_920);
        var buffer = new byte[initial];
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                if (buffer.Length >= limit)
                {
                    return null;
                }
                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, limit));
            }
            var read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0)
            {
                return total > maxBytes ? null : buffer.AsMemory(0, total);
            }
            total += read;
        }
    }

    /// <summary>Decodes and parses the bytes of one file (the checks in order: empty, binary, UTF-8, then the format).</summary>
    internal static ImportResult ImportContent(string path, ReadOnlySpan<byte> bytes)
    {
        var bomLength = bytes.StartsWith(Bom) ? Bom.Length : 0;
        bytes = bytes[bomLength..];
        if (bytes.IsEmpty)
        {
            return ImportResult.Failure(path, ImportErrorKind.Empty, "file is empty");
        }
        if (bytes.IndexOf((byte)0) is var nul and >= 0)
        {
            return ImportResult.Failure(path, ImportErrorKind.Binary, $"binary data, not text (NUL byte at offset {nul + bomLength})");
        }
        var controls = CountControlBytes(bytes);
        if (controls * 10L > bytes.Length)
        {
            return ImportResult.Failure(
                path, ImportErrorKind.Binary, $"binary data, not text ({controls} of {bytes.Length} bytes are control characters)");
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var at = ex.Index >= 0 ? $" at byte offset {ex.Index + bomLength}" : string.Empty;
            return ImportResult.Failure(path, ImportErrorKind.InvalidUtf8, $"invalid UTF-8{at}");
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return ImportResult.Failure(path, ImportErrorKind.Empty, "file is empty (only whitespace)");
        }

        // One line-end convention for everything downstream: line numbers, layer text and quotes.
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        try
        {
            return LooksLikeJson(path, text) ? JsonProfileParser.Parse(path, text) : TextProfileParser.Parse(path, text);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A defect, not bad input, but one bad file must not stop a batch of thousands.
            return ImportResult.Failure(path, ImportErrorKind.ImporterFault, $"importer fault ({ex.GetType().Name}): {ex.Message}");
        }
    }

    private static bool LooksLikeJson(string path, string text) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || text.AsSpan().TrimStart().StartsWith("{", StringComparison.Ordinal);

    /// <summary>C0 controls other than tab, LF, CR and form feed, plus DEL.</summary>
    private static int CountControlBytes(ReadOnlySpan<byte> bytes)
    {
        var count = 0;
        foreach (var b in bytes)
        {
            if ((b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C)) || b == 0x7F)
            {
                count++;
            }
        }
        return count;
    }

    private static bool IsProfileFile(string file)
    {
        var name = Path.GetFileName(file);
        return name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)
            || (name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && !name.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase)
                // Human labels beside calibration profiles (see docs/calibration.md) are not profiles.
                && !name.EndsWith(".gold.json", StringComparison.OrdinalIgnoreCase));
    }

    private static string FullPath(string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return path;
        }
    }
}
