using System.ComponentModel.DataAnnotations;
using ReviewPanel.Scoring;

namespace ReviewPanel.Reviewing.Llm;

/// <summary>How an LLM reviewer or adjudicator calls its model.</summary>
public sealed class LlmReviewerOptions
{
    /// <summary>Re-asks after a malformed reply, with the validation error; then the review is an error. Default 2.</summary>
    [Range(0, 10)]
    public int MaxReasks { get; set; } = 2;

    /// <summary>Times each review is asked (K); the scores are the per-dimension lower median. Default 1.</summary>
    [Range(1, 25)]
    public int Repeats { get; set; } = 1;

    /// <summary>
    /// Size each request's max_tokens from the persona's recent reply lengths (<see cref="CompletionBudget"/>) instead of
    /// always sending the schema's cap. Default true.
    /// </summary>
    public bool AdaptMaxTokens { get; set; } = true;

    /// <summary>The deployment (or model) the chat client calls, for provenance.</summary>
    public string? Deployment { get; set; }

    /// <summary>The configured endpoint name the chat client belongs to, for provenance and the cache key.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The gate's settings (the pass line decides which scores need evidence). Not a second home: the catalog passes the configured ones.</summary>
    public GateOptions Gate { get; set; } = new();
}
