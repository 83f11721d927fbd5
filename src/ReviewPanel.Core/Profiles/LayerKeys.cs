namespace ReviewPanel.Profiles;

/// <summary>The stable layer keys the importer produces. Reviewers and the JSON format use the same names.</summary>
public static class LayerKeys
{
    public const string Title = "title";
    public const string Code = "code";
    public const string Summary = "summary";
    public const string Focus = "focus";
    public const string Responsibilities = "responsibilities";
    public const string LevelGuidelines = "level-guidelines";
    public const string Skills = "skills";
    public const string Provenance = "provenance";
    public const string Level = "level";
    public const string AdjacentRoles = "adjacent-roles";
    public const string TitleAliases = "title-aliases";
    public const string Classification = "classification";

    /// <summary>Every key above, in the order a profile usually has them.</summary>
    public static IReadOnlyList<string> Known { get; } =
        [Title, Code, Summary, Focus, Responsibilities, LevelGuidelines, Skills, Provenance, Level, AdjacentRoles, TitleAliases, Classification];

    /// <summary>Prefix of layers the importer did not recognize: <c>unknown:&lt;slug of heading&gt;</c>.</summary>
    public const string UnknownPrefix = "unknown:";
}
