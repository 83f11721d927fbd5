using System.Runtime.CompilerServices;
using System.Text.Json;
using ReviewPanel.Provenance;
using ReviewPanel.Scoring;
using ReviewPanel.Serialization;

namespace ReviewPanel.Storage;

/// <summary>The run catalog: every run with its verdict counts, in one query that both dialects accept.</summary>
public abstract partial class DbReviewStore : IRunCatalog
{
    public async IAsyncEnumerable<RunListing> ListRunsAsync(int limit, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null,
            """
            SELECT r.provenance_json,
                   (SELECT MAX(e.at) FROM run_events e WHERE e.run_id = r.run_id AND e.kind = 'finished'),
                   COALESCE(SUM(CASE WHEN v.outcome = @pass THEN 1 ELSE 0 END), 0),
                   COALESCE(SUM(CASE WHEN v.outcome = @fail THEN 1 ELSE 0 END), 0),
                   COALESCE(SUM(CASE WHEN v.outcome = @error THEN 1 ELSE 0 END), 0)
            FROM runs r LEFT JOIN verdicts v ON v.run_id = r.run_id
            GROUP BY r.seq, r.run_id, r.started_at, r.provenance_json
            ORDER BY r.started_at DESC, r.seq DESC
            LIMIT @limit
            """,
            ("pass", EnumText.Of(VerdictOutcome.Pass)), ("fail", EnumText.Of(VerdictOutcome.Fail)), ("error", EnumText.Of(VerdictOutcome.Error)), ("limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var run = JsonSerializer.Deserialize<RunProvenance>(reader.GetString(0), ReviewPanelJson.Canonical)
                ?? throw new JsonException("A run has an empty provenance record.");
            if (!reader.IsDBNull(1))
            {
                run = run with { FinishedAt = ReadTimestamp(reader, 1) };
            }
            yield return new RunListing(run, Convert.ToInt32(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToInt32(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToInt32(reader.GetValue(4), System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
