namespace ReviewPanel.Reviewing;

/// <summary>The kinds of reviewer in <see cref="ReviewerDescriptor.Kind"/>.</summary>
public static class ReviewerKinds
{
    /// <summary>Offline, deterministic checks: the floor no model may lower.</summary>
    public const string Heuristic = "heuristic";

    /// <summary>A model persona.</summary>
    public const string Llm = "llm";

    /// <summary>The model that settles disagreements.</summary>
    public const string Adjudicator = "adjudicator";
}
