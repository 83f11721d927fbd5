using ReviewPanel.Reviewing;

namespace ReviewPanel.Panel;

/// <summary>One profile's <c>--dry-run</c> row: the model calls it would make and their priced cost (null: unpriced, or the file could not be read).</summary>
public sealed record CostEstimate(string Source, string? ProfileId, IReadOnlyList<CallEstimate> Calls, decimal? Cost, string? Error)
{
    public int PromptTokens => Calls.Sum(c => c.PromptTokens);

    public int MaxOutputTokens => Calls.Sum(c => c.MaxOutputTokens);
}
