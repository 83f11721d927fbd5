namespace ReviewPanel.Probing.Operators;

/// <summary>Choices from the operator's seeded random source, and small text helpers the operators share.</summary>
internal static class Draw
{
    public static T? One<T>(Random random, IReadOnlyList<T> items) where T : struct =>
        items.Count == 0 ? null : items[random.Next(items.Count)];

    public static string OneOf(Random random, IReadOnlyList<string> items) => items[random.Next(items.Count)];

    /// <summary>Where a bullet line's text starts (after <c>- </c>).</summary>
    public static int BulletTextStart(SourceLine line) => line.Offset + line.Text.IndexOf("- ", StringComparison.Ordinal) + 2;

    public static int Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
