using System.ComponentModel.DataAnnotations;

namespace ReviewPanel.Cli.Hosting;

/// <summary>Where the rubric lives, bound to <c>ReviewPanel:Rubric</c>. Its SHA-256 identifies it in every record.</summary>
public sealed class RubricOptions
{
    public const string SectionName = "ReviewPanel:Rubric";

    [Required]
    public string Path { get; set; } = "prompts/rubric.md";
}
