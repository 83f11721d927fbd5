using System.ComponentModel.DataAnnotations;

namespace ReviewPanel.Storage;

/// <summary>Where the history lives, bound to <c>ReviewPanel:Store</c>.</summary>
public sealed class StoreOptions : IValidatableObject
{
    public const string SectionName = "ReviewPanel:Store";

    public const string Sqlite = "sqlite";

    public const string Postgres = "postgres";

    /// <summary><c>sqlite</c> (default: one machine, one file) or <c>postgres</c> (many workers, one database).</summary>
    [Required]
    [RegularExpression("^(?i)(sqlite|postgres)$", ErrorMessage = "ReviewPanel:Store:Provider must be 'sqlite' or 'postgres'.")]
    public string Provider { get; set; } = Sqlite;

    /// <summary>
    /// The SQLite file, relative to the working directory. Default <c>.reviewpanel/history.db</c>;
    /// override with the environment variable <c>ReviewPanel__Store__Path</c>.
    /// </summary>
    [Required]
    public string Path { get; set; } = ".reviewpanel/history.db";

    /// <summary>The Npgsql connection string; required when <see cref="Provider"/> is <c>postgres</c>. Comes from the environment, never from a file in the repo.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Where the chain's checkpoint (record count and head hash, written after every run) is kept, outside the database,
    /// so <c>audit verify</c> sees newest records cut off. Default for SQLite: <see cref="Path"/> + <c>.checkpoint</c>;
    /// PostgreSQL has no default (set it to a path each auditing machine keeps, or export with <c>audit checkpoint --out</c>).
    /// </summary>
    public string? CheckpointPath { get; set; }

    /// <summary>
    /// Optional HMAC-SHA256 key signing the checkpoint, from the environment (<c>ReviewPanel__Store__CheckpointKey</c>)
    /// or a secret store, never a file in the repo. With a key, a checkpoint whose signature does not verify fails the audit.
    /// </summary>
    public string? CheckpointKey { get; set; }

    /// <summary>The checkpoint file in force, or null when none is configured.</summary>
    public string? EffectiveCheckpointPath => !string.IsNullOrWhiteSpace(CheckpointPath)
        ? System.IO.Path.GetFullPath(CheckpointPath)
        : IsPostgres ? null : System.IO.Path.GetFullPath(Path) + ".checkpoint";

    public bool IsPostgres => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsPostgres && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "ReviewPanel:Store:ConnectionString is required when the provider is 'postgres' (set ReviewPanel__Store__ConnectionString).",
                [nameof(ConnectionString)]);
        }
    }
}
