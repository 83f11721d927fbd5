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

    // A file written less than this long ago may still be growing; the next scan takes it.
    private static readonly TimeSpan SettleTime = TimeSpan.FromMilliseconds(300);

    public string Accepted => Path.Combine(inbox, AcceptedFolder);

    public string Rejected => Path.Combine(inbox, RejectedFolder);

    /// <summary>Enqueues every settled draft in the inbox under <paramref name="runId"/>; returns how many were new.</summary>
    public async Task<int> ScanAsync(string runId, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Accepted);
        var queued = 0;
        foreach (var path in Directory.EnumerateFiles(inbox).Order(StringComparer.Ordinal))
        {
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
                if (time.GetUtcNow() - info.LastWriteTimeUtc < SettleTime)
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
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Another worker moved it first, or it vanished: either way it is queued at most once.
                WorkerLog.InboxFileSkipped(logger, ex, path);
            }
        }
        return queued;
    }
}
