namespace ReviewPanel.Reviewing;

/// <summary>What identifies a reviewer in provenance and in the review cache.</summary>
/// <param name="Id">Stable id, e.g. <c>heuristic.consistency</c> or <c>llm.practitioner</c>.</param>
/// <param name="Version">Code version for heuristics; the prompt file's SHA-256 for LLM reviewers.</param>
/// <param name="Kind"><c>heuristic</c>, <c>llm</c> or <c>adjudicator</c>.</param>
/// <param name="Dimensions">The dimensions it scores; it abstains on the rest.</param>
/// <param name="Model">Deployment or model name for LLM reviewers.</param>
/// <param name="Settings">Anything else that determines its output (temperature, endpoint name).</param>
public sealed record ReviewerDescriptor(
    string Id,
    string Version,
    string Kind,
    IReadOnlyList<string> Dimensions,
    string? Model = null,
    IReadOnlyDictionary<string, string>? Settings = null);
