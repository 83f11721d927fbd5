using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ReviewPanel.Storage;

/// <summary>
/// Anchors the hash chain outside the database (<see cref="StoreOptions.CheckpointPath"/>): after each run the record
/// count and head hash are written, HMAC-signed when <see cref="StoreOptions.CheckpointKey"/> is set; the audit then
/// fails when the history is shorter than the checkpoint or its record at the checkpoint's count has another hash.
/// A checkpoint is only ever moved forward, and never over evidence: when the history no longer contains the last
/// checkpoint's head, the old checkpoint is kept for the audit to report.
/// </summary>
public sealed class ChainCheckpoints(IChainVerifier store, IWaiverStore waiverChain, IOptions<StoreOptions> options, TimeProvider time, ILogger<ChainCheckpoints> logger)
{
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>The configured checkpoint file, or null (PostgreSQL without <see cref="StoreOptions.CheckpointPath"/>).</summary>
    public string? Path => options.Value.EffectiveCheckpointPath;

    /// <summary>A checkpoint of the history as it is now, or null when it is empty.</summary>
    public async Task<ChainCheckpoint?> CreateAsync(CancellationToken cancellationToken)
    {
        var last = await store.GetLastSequenceAsync(cancellationToken).ConfigureAwait(false);
        if (last == 0 || await store.GetRecordShaAsync(last, cancellationToken).ConfigureAwait(false) is not { } head)
        {
            return null;
        }
        var unsigned = new ChainCheckpoint(last, head, ChainHash.ToStoredPrecision(time.GetUtcNow()), null);
        return options.Value.CheckpointKey is { Length: > 0 } key ? unsigned with { Hmac = ChainCheckpoint.Sign(unsigned.SignedText(), key) } : unsigned;
    }

    /// <summary>Moves the configured checkpoint forward to the current head. Never fails the command: problems are logged.</summary>
    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        if (Path is not { } path)
        {
            return;
        }
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (await CreateAsync(cancellationToken).ConfigureAwait(false) is not { } next)
            {
                return;
            }
            var unreadable = TryRead(path, out var previous);
            if (unreadable is not null and not "missing")
            {
                StoreLog.CheckpointNotWritten(logger, path, $"the existing checkpoint is unreadable ({unreadable}); kept as evidence for 'audit verify'");
                return;
            }
            if (previous is not null)
            {
                if (previous.Records >= next.Records)
                {
                    return;
                }
                if (await store.GetRecordShaAsync(previous.Records, cancellationToken).ConfigureAwait(false) != previous.HeadSha256)
                {
                    StoreLog.CheckpointNotWritten(logger, path, "the history no longer contains the last checkpoint's head; kept as evidence for 'audit verify'");
                    return;
                }
            }
            Write(path, next);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            StoreLog.CheckpointNotWritten(logger, path, ex.Message);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Writes a checkpoint of the current history to <paramref name="file"/> (for an outside witness).</summary>
    public async Task<ChainCheckpoint?> ExportAsync(string file, CancellationToken cancellationToken)
    {
        var checkpoint = await CreateAsync(cancellationToken).ConfigureAwait(false);
        if (checkpoint is not null)
        {
            Write(System.IO.Path.GetFullPath(file), checkpoint);
        }
        return checkpoint;
    }

    /// <summary>
    /// <c>audit verify</c>: walks the verdict chain, checks an intact one against the newest checkpoint (<paramref name="witness"/>
    /// when given), and walks the waivers' own chain: the verification, what is wrong with the checkpoint (null when it
    /// holds), whether one anchored it, and the waivers' verification.
    /// </summary>
    public async Task<(ChainVerification Chain, string? CheckpointProblem, bool Anchored, ChainVerification Waivers)> VerifyAsync(string? witness, CancellationToken cancellationToken)
    {
        var chain = await store.VerifyChainAsync(cancellationToken).ConfigureAwait(false);
        var waivers = await waiverChain.VerifyWaiversAsync(cancellationToken).ConfigureAwait(false);
        if (!chain.Intact)
        {
            return (chain, null, false, waivers);
        }
        var problem = await CheckAsync(chain.RecordsChecked, witness, cancellationToken).ConfigureAwait(false);
        return (chain, problem, Path is not null || witness is not null, waivers);
    }

    /// <summary>
    /// Checks an intact chain of <paramref name="records"/> records against the newest checkpoint (<paramref name="witness"/>
    /// when given, else the configured one): null when it holds, else what is wrong, for people.
    /// </summary>
    public async Task<string?> CheckAsync(long records, string? witness, CancellationToken cancellationToken)
    {
        var path = witness is null ? Path : System.IO.Path.GetFullPath(witness);
        if (path is null)
        {
            return null;
        }
        if (!File.Exists(path))
        {
            return records == 0
                ? null
                : $"the history has {records} records but there is no checkpoint at {path}: a history without its checkpoint cannot be told " +
                  "apart from one whose newest records were cut off (if it was checked some other way, anchor it with 'reviewpanel audit checkpoint')";
        }
        if (TryRead(path, out var checkpoint) is { } unreadable)
        {
            return $"the checkpoint {path} is unreadable: {unreadable}";
        }
        var key = options.Value.CheckpointKey;
        if (key is { Length: > 0 } && !checkpoint!.SignatureHolds(key))
        {
            return $"the checkpoint {path} is {(checkpoint.Hmac is null ? "not signed" : "signed with another key")}; " +
                "with ReviewPanel:Store:CheckpointKey set, only a checkpoint signed with that key is trusted";
        }
        if (records < checkpoint!.Records)
        {
            return $"the history has {records} records but the checkpoint {path} of {checkpoint.At.UtcDateTime:u} vouches for {checkpoint.Records}: " +
                $"the newest {checkpoint.Records - records} record(s) were cut off";
        }
        var sha = await store.GetRecordShaAsync(checkpoint.Records, cancellationToken).ConfigureAwait(false);
        return sha == checkpoint.HeadSha256
            ? null
            : $"record {checkpoint.Records} is not the one the checkpoint {path} of {checkpoint.At.UtcDateTime:u} vouches for (hash {checkpoint.HeadSha256[..12]}…): " +
              "the history was rewritten from there on";
    }

    private static string? TryRead(string path, out ChainCheckpoint? checkpoint)
    {
        checkpoint = null;
        try
        {
            if (!File.Exists(path))
            {
                return "missing";
            }
            checkpoint = ChainCheckpoint.Parse(File.ReadAllText(path));
            return null;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return ex.Message;
        }
    }

    // Written beside, then renamed over: a crash never leaves half a checkpoint.
    private static void Write(string path, ChainCheckpoint checkpoint)
    {
        var folder = System.IO.Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            File.WriteAllText(temporary, checkpoint.ToJson() + "\n");
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            // A full disk must not leave the half-written file behind as well (deleting may fail the same way).
            try
            {
                File.Delete(temporary);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
            }
            throw;
        }
    }
}
