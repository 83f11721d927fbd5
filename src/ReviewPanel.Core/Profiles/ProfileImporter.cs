using System.Text;
using Microsoft.Extensions.Options;

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

    private static readonly EnumerationOptions Recursive = new()
    {
        RecurseSubdirectories = true,
        MatchCasing = MatchCasing.CaseInsensitive,
        IgnoreInaccessible = true,
    };

    private readonly ImportOptions _options = options.Value;

    /// <summary>An importer with default limits.</summary>
    public ProfileImporter()
        : this(Options.Create(new ImportOptions()))
    {
    }

    /// <summary>
    /// The files to import: files as given (whatever their extension), folders searched recursively for <c>*.txt</c> and
    /// <c>*.json</c> (not <c>*.schema.json</c>, nor the calibration labels <c>*.gold.json</c>), each folder's files sorted ordinally. A path that does not exist is
    /// passed through, so <see cref="Import"/> reports it as an error. A file reached twice is listed once.
    /// </summary>
    public IEnumerable<string> ExpandSources(IEnumerable<string> filesOrFolders)
    {
        ArgumentNullException.ThrowIfNull(filesOrFolders);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in filesOrFolders)
        {
            if (!Directory.Exists(source))
            {
                if (seen.Add(FullPath(source)))
                {
                    yield return source;
                }
                continue;
            }
            var files = Directory.EnumerateFiles(source, "*", Recursive)
                .Where(IsProfileFile)
                .Order(StringComparer.Ordinal)
                .ToList();
            foreach (var file in files)
            {
                if (seen.Add(FullPath(file)))
                {
                    yield return file;
                }
            }
        }
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
            if (Directory.Exists(path))
            {
                return ImportResult.Failure(path, ImportErrorKind.Unreadable, "is a folder, not a file");
            }
            if (!File.Exists(path))
            {
                return ImportResult.Failure(path, ImportErrorKind.Unreadable, "file not found");
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
    public byte[]? TryReadBytes(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            return ReadBounded(stream, _options.MaxFileBytes)?.ToArray();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return null;
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
