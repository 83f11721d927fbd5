using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ReviewPanel.Hashing;
using ReviewPanel.Serialization;
using ReviewPanel.Waivers;

namespace ReviewPanel.Storage;

/// <summary>
/// Waivers as their own append-only hash chain: record_sha = SHA-256 of <c>prev_sha + "\n" + waiver_json</c>, where
/// waiver_json is the canonical JSON of the waiver (sequence and time included). Appended under the same exclusive
/// transaction as verdicts; verified by walking the rows in sequence order.
/// </summary>
public abstract partial class DbReviewStore : IWaiverStore
{
    public async Task<Waiver> AddWaiverAsync(Waiver waiver, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(waiver);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginExclusiveAsync(connection, cancellationToken).ConfigureAwait(false);
        await using var last = Command(connection, transaction, "SELECT seq, record_sha FROM waivers ORDER BY seq DESC LIMIT 1");
        long lastSequence = 0;
        var lastSha = ChainHash.Genesis;
        await using (var reader = await last.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                lastSequence = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
                lastSha = reader.GetString(1);
            }
        }
        var recorded = waiver with { Sequence = lastSequence + 1, RecordedAt = ChainHash.ToStoredPrecision(timeProvider.GetUtcNow()) };
        var json = JsonSerializer.Serialize(recorded, ReviewPanelJson.Canonical);
        await ExecuteAsync(connection, transaction,
            "INSERT INTO waivers (seq, profile_id, version_hash, waiver_json, record_sha, prev_sha) VALUES (@seq, @profile, @version, @json, @sha, @prev)",
            cancellationToken, ("seq", recorded.Sequence), ("profile", recorded.ProfileId), ("version", recorded.VersionHash), ("json", json),
            ("sha", WaiverSha(lastSha, json)), ("prev", lastSha)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return recorded;
    }

    public async IAsyncEnumerable<Waiver> GetWaiversAsync(string profileId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT waiver_json FROM waivers WHERE profile_id = @profile ORDER BY seq", ("profile", profileId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return JsonSerializer.Deserialize<Waiver>(reader.GetString(0), ReviewPanelJson.Canonical) ?? throw new JsonException("An empty waiver record.");
        }
    }

    public async Task<ChainVerification> VerifyWaiversAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT seq, profile_id, version_hash, waiver_json, record_sha, prev_sha FROM waivers ORDER BY seq");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        long expected = 1;
        var previous = ChainHash.Genesis;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var seq = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
            var json = reader.GetString(3);
            string? problem = null;
            if (seq != expected)
            {
                problem = $"Waiver {expected} is missing: the sequence jumps from {expected - 1} to {seq}.";
                seq = expected;
            }
            else if (reader.GetString(5) != previous)
            {
                problem = $"Waiver {seq} does not link to the waiver before it.";
            }
            else if (WaiverSha(previous, json) != reader.GetString(4))
            {
                problem = $"Waiver {seq} no longer matches its hash: it was changed after it was written.";
            }
            else
            {
                var waiver = JsonSerializer.Deserialize<Waiver>(json, ReviewPanelJson.Canonical);
                if (waiver is null || waiver.Sequence != seq || waiver.ProfileId != reader.GetString(1) || waiver.VersionHash != reader.GetString(2))
                {
                    problem = $"Waiver {seq}'s columns disagree with its own record.";
                }
            }
            if (problem is not null)
            {
                return new ChainVerification(false, expected - 1, seq, problem);
            }
            previous = reader.GetString(4);
            expected++;
        }
        return new ChainVerification(true, expected - 1, null, null);
    }

    private static string WaiverSha(string previous, string json) => Sha256Text.Of(previous + "\n" + json);
}
