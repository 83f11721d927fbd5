using System.ComponentModel.DataAnnotations;
using System.Globalization;
using ReviewPanel.Panel;

namespace ReviewPanel.Cli.Worker;

/// <summary>The hosted worker, bound to <c>ReviewPanel:Worker</c> and validated at start.</summary>
public sealed class WorkerOptions : IValidatableObject
{
    public const string SectionName = "ReviewPanel:Worker";

    /// <summary>A folder watched for drafts (<c>*.txt</c>, <c>*.json</c>); accepted files move to its <c>.accepted</c> subfolder. Null: queue only.</summary>
    public string? Inbox { get; set; }

    /// <summary>Profiles reviewed at once by this worker (the endpoints' own limits still apply below it).</summary>
    [Range(1, 256)]
    public int MaxInFlight { get; set; } = 4;

    /// <summary>How long a claimed job stays this worker's without renewal; after a crash, others wait this long.</summary>
    [Range(2, 3600)]
    public int LeaseSeconds { get; set; } = 60;

    /// <summary>On Ctrl+C or SIGTERM: how long in-flight reviews may finish before they are released to the queue.</summary>
    [Range(0, 600)]
    public int DrainSeconds { get; set; } = 30;

    /// <summary>Attempts (failures or crashes) before a job is set aside as dead.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>How this worker is named in the queue; default host name and process id.</summary>
    public string WorkerId { get; set; } = string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}-{Environment.ProcessId}");

    /// <summary>The panel the worker reviews with.</summary>
    public PanelKind Panel { get; set; } = PanelKind.Offline;

    /// <summary>How often an idle worker looks for claimable jobs.</summary>
    [Range(50, 60_000)]
    public int PollMilliseconds { get; set; } = 500;

    /// <summary>The inbox is rescanned this often besides the file watcher, so no file is missed.</summary>
    [Range(1, 3600)]
    public int ScanSeconds { get; set; } = 5;

    /// <summary>
    /// How long the worker retries while the store keeps failing (read-only, disk full, database down) before it exits
    /// with code 2 and one line naming the cause, so a supervisor sees the fault instead of a worker spinning. Default 30.
    /// </summary>
    [Range(1, 3600)]
    public int StoreRetrySeconds { get; set; } = 30;

    /// <summary>Stop once nothing is queued, errored or leased (the <c>--exit-when-idle</c> flag).</summary>
    public bool ExitWhenIdle { get; set; }

    /// <summary>
    /// <c>--max-cost</c>: once the priced cost of the jobs this worker reviewed reaches it, claim nothing more, finish what
    /// is in flight and exit 2; unclaimed jobs stay queued. Null (default): no limit.
    /// </summary>
    [Range(0.0, 1_000_000_000.0)]
    public decimal? MaxCost { get; set; }

    /// <summary>
    /// Fault injection for tests: a job whose source file name is listed throws before review, as a crashing reviewer
    /// would. Configuration only, never derived from profile text; empty in production.
    /// </summary>
    public List<string> FailFileNames { get; set; } = [];

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(WorkerId))
        {
            yield return new ValidationResult("ReviewPanel:Worker:WorkerId must not be empty.", [nameof(WorkerId)]);
        }
        if (Inbox is { } inbox && File.Exists(inbox))
        {
            yield return new ValidationResult($"ReviewPanel:Worker:Inbox '{inbox}' is a file, not a folder.", [nameof(Inbox)]);
        }
    }
}
