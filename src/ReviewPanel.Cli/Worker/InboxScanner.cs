using System.Globalization;
using Microsoft.Extensions.Logging;
using ReviewPanel.Hashing;
using ReviewPanel.IO;
using ReviewPanel.Profiles;
using ReviewPanel.Storage;

namespace ReviewPanel.Cli.Worker;

/// <summary>
/// Turns files dropped into the inbox into queued jobs. Each file is enqueued first (with a key made of its path,
/// size, time and content hash), then moved into <c>.accepted</c>: a crash between the two re-finds the file and
/// the key stops a second job; several workers watching one inbox enqueue each file once.
/// </summary>
internal sealed class InboxScanner(string inbox, ProfileImporter importer, IWorkQueue queue, TimeProvider time, ILogger logger)
{
    public const string AcceptedFolder = ".accepted";

    /// <summary>Where entries that are not regular files (FIFOs, devices, sockets) are moved, never opened.</summary>
    public const string RejectedFolder = ".rejected";

    /// <summary>
    /// A file written less than this long ago may still be growing. It is taken once its modification time is this
    /// old, or once this scanner has seen it unchanged (same size and time) for this long by its own clock, so a file
    /// stamped in the future (clock skew, a copy that keeps times) is still taken.
    /// </summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromMilliseconds(300);

    // Files seen but not yet settled: what they looked like and when this scanner first saw them so.
    private readonly Dictionary<string, (long Length, DateTime WriteTime, DateTimeOffset Since)> unsettled = new(StringComparer.Ordinal);

    /// <summary>
    /// Drafts found by the last scan that were still settling: not yet queued, but not forgotten either. A worker
    /// that exits when idle must not exit while this is above zero.
    /// </summary>
    public int Pending => unsettled.Count;

    public string Accepted => Path.Combine(inbox, AcceptedFolder);

    public string Rejected => Path.Combine(inbox, RejectedFolder);

    /// <summary>Enqueues every settled draft in the inbox under <paramref name="runId"/>; returns how many were new.</summary>
    public async Task<int> ScanAsync(string runId, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Accepted);
        var queued = 0;
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(inbox).Order(StringComparer.Ordinal))
        {
            present.Add(path);
            var extension = Path.GetExtension(path);
            if (!extension.Equals(".txt", StringComparison.OrdinalIgnoreCase) && !extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            try
            {
                if (FileNode.Of(path).Kind is not (FileNodeKind.RegularFile or FileNodeKind.Missing) and var kind)
                {
                    // A FIFO or device is never opened (reading a FIFO blocks the worker); it is set aside, once, with the reason.
                    Directory.CreateDirectory(Rejected);
                    File.Move(path, Path.Combine(Rejected, Path.GetFileName(path)), overwrite: true);
                    WorkerLog.InboxFileRejected(logger, path, $"not a regular file ({FileNode.Describe(kind)}); moved to {RejectedFolder}");
                    continue;
                }
                var info = new FileInfo(path);
                if (!IsSettled(path, info))
                {
                    continue;
                }
                // Too large or unreadable files are still queued (empty), so their error verdict says why.
                var content = importer.TryReadBytes(path) ?? [];
                var sha = Sha256Text.Of(content);
                var destination = Path.Combine(Accepted, Path.GetFileName(path));
                if (File.Exists(destination))
                {
                    destination = Path.Combine(Accepted, $"{Path.GetFileNameWithoutExtension(path)}.{sha[..12]}{extension}");
                }
                var key = string.Create(CultureInfo.InvariantCulture, $"inbox:{Path.GetFullPath(path)}:{info.Length}:{info.LastWriteTimeUtc.Ticks}:{sha}");
                queued += await queue.EnqueueAsync(runId, [new QueuedDraft(Path.GetFullPath(destination), content, key)], cancellationToken).ConfigureAwait(false);
                File.Move(path, destination, overwrite: true);
                unsettled.Remove(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Another worker moved it first, or it vanished: either way it is queued at most once.
                WorkerLog.InboxFileSkipped(logger, ex, path);
            }
        }
        // A file that vanished (another worker took it) is no longer waited for.
        foreach (var gone in unsettled.Keys.Where(k => !present.Contains(k)).ToList())
        {
            unsettled.Remove(gone);
        }
        return queued;
    }

    private bool IsSettled(string path, FileInfo info)
    {
        var now = time.GetUtcNow();
        var length = info.Length;
        var written = info.LastWriteTimeUtc;
        if (now - written >= SettleTime && now >= written)
        {
            return true;
        }
        if (unsettled.TryGetValue(path, out var seen) && seen.Length == length && seen.WriteTime == written)
        {
            return now - seen.Since >= SettleTime;
        }
        // First sight, or it changed since: wait (the worker rescans soon and does not exit while files wait).
        unsettled[path] = (length, written, now);
        return false;
    }
}
