using System.ComponentModel.DataAnnotations;

namespace ReviewPanel.Panel;

/// <summary>How the panel runs, bound to <c>ReviewPanel:Panel</c>.</summary>
public sealed class PanelOptions
{
    public const string SectionName = "ReviewPanel:Panel";

    /// <summary>
    /// Profiles reviewed at the same time. Unset (the default): the machine's cores for the heuristics, and enough to fill
    /// the model endpoints' concurrency limits when the panel has personas, so the endpoints' own limits (concurrency,
    /// RPM, TPM), not a second global cap, set the pace.
    /// </summary>
    [Range(1, 1024)]
    public int? MaxParallelProfiles { get; set; }

    /// <summary>
    /// How long a profile not yet started waits while a model endpoint's circuit is open (5xx, timeouts) before it is
    /// recorded as an <c>error</c> saying so. Default 600 (ten minutes); 0: do not wait.
    /// </summary>
    [Range(0, 86_400)]
    public int CircuitWaitSeconds { get; set; } = 600;

    /// <summary>The rubric every reviewer judges by; its SHA-256 is recorded with every run. Default <c>prompts/rubric.md</c>.</summary>
    [Required]
    public string RubricPath { get; set; } = "prompts/rubric.md";
}
