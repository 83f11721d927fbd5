using System.ComponentModel.DataAnnotations;

namespace ReviewPanel.Profiles;

/// <summary>Limits for importing profile files (untrusted input), bound to <c>ReviewPanel:Import</c>.</summary>
public sealed class ImportOptions
{
    public const string SectionName = "ReviewPanel:Import";

    /// <summary>Default for <see cref="MaxFileBytes"/>: 2 MiB, far above any real profile page.</summary>
    public const int DefaultMaxFileBytes = 2 * 1024 * 1024;

    /// <summary>
    /// Files larger than this are rejected without being read past the limit. Default 2 MiB; at most 1 GiB,
    /// because the whole file is held in memory once accepted.
    /// </summary>
    [Range(1, 1024 * 1024 * 1024)]
    public int MaxFileBytes { get; set; } = DefaultMaxFileBytes;
}
