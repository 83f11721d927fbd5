using System.ComponentModel.DataAnnotations;

namespace ReviewPanel.Panel;

/// <summary>How the panel runs, bound to <c>ReviewPanel:Panel</c>.</summary>
public sealed class PanelOptions
{
    public const string SectionName = "ReviewPanel:Panel";

    /// <summary>Profiles reviewed at the same time. Default 4: the model quota, not the CPU, is the usual bound.</summary>
    [Range(1, 1024)]
    public int MaxParallelProfiles { get; set; } = 4;

    /// <summary>The rubric every reviewer judges by; its SHA-256 is recorded with every run. Default <c>prompts/rubric.md</c>.</summary>
    [Required]
    public string RubricPath { get; set; } = "prompts/rubric.md";
}
