using System.ComponentModel.DataAnnotations;

namespace ReviewPanel.Llm;

/// <summary>
/// LLM reviewers and their endpoints, bound to <c>ReviewPanel:Llm</c>. The environment variables
/// <c>AZURE_OPENAI_ENDPOINT</c>, <c>AZURE_OPENAI_DEPLOYMENT</c> and <c>AZURE_OPENAI_API_KEY</c>, when set, fill the
/// default endpoint.
/// </summary>
public sealed class LlmOptions
{
    public const string SectionName = "ReviewPanel:Llm";

    /// <summary>Endpoints by name; a persona's <c>deployment</c> names one of them. Each has its own resilience pipeline.</summary>
    public Dictionary<string, EndpointOptions> Endpoints { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The endpoint used by personas that name none. Default <c>default</c>.</summary>
    [Required]
    public string DefaultEndpoint { get; set; } = "default";

    /// <summary>Re-asks after a malformed reply before the review is an error. Default 2.</summary>
    [Range(0, 10)]
    public int MaxReasks { get; set; } = 2;

    /// <summary>Times each review is asked; scores are the per-dimension lower median. Default 1.</summary>
    [Range(1, 25)]
    public int Repeats { get; set; } = 1;

    /// <summary>
    /// Send each persona's max_tokens sized from its last 100 reply lengths plus a quarter (the schema's cap until 20
    /// replies were seen, and again after a reply is cut off) rather than always the cap. Azure charges max_tokens
    /// against the minute's tokens on arrival. Default true.
    /// </summary>
    public bool AdaptMaxTokens { get; set; } = true;

    /// <summary>Directory of persona files. Default <c>prompts/reviewers</c> (relative to the working directory).</summary>
    [Required]
    public string PersonasPath { get; set; } = "prompts/reviewers";

    /// <summary>The adjudicator prompt (same format as a persona). Default <c>prompts/adjudicator.md</c>.</summary>
    [Required]
    public string AdjudicatorPath { get; set; } = "prompts/adjudicator.md";
}
