using System.ComponentModel.DataAnnotations;

namespace ReviewPanel.Panel;

/// <summary>How the panel runs, bound to <c>ReviewPanel:Panel</c>.</summary>
public sealed class PanelOptions
{
    public const string SectionName = "ReviewPanel:Panel";

    /// <summary>Profiles reviewed at the same time. Default 4: the model quota, not the CPU, is the usual bound.</summary>
    [Range(1, 1024)]
    public int MaxParallelProfiles { get; set; } = 4;

    /// <summary>Force new reviews even when a cached one exists (the <c>--fresh</c> flag).</summary>
    public bool Fresh { get; set; }
}
