namespace ReviewPanel.Reviewing;

/// <summary>The rubric's seven dimensions (see <c>prompts/rubric.md</c>).</summary>
public static class Dimensions
{
    public const string Accuracy = "accuracy";
    public const string LevelCalibration = "level-calibration";
    public const string Distinctiveness = "distinctiveness";
    public const string Specificity = "specificity";
    public const string Consistency = "consistency";
    public const string Evidence = "evidence";
    public const string Fairness = "fairness";

    public static IReadOnlyList<string> All { get; } =
        [Accuracy, LevelCalibration, Distinctiveness, Specificity, Consistency, Evidence, Fairness];

    public static bool IsKnown(string dimension) => All.Contains(dimension, StringComparer.Ordinal);
}
