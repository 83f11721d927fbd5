using ReviewPanel.Profiles;
using ReviewPanel.Reviewing;

namespace ReviewPanel.Probing.Operators;

/// <summary>Replaces a run of five to eight consecutive responsibility bullets with generic filler that fits any job.</summary>
public sealed class GenericFillerOperator : IMutationOperator
{
    private static readonly string[] Filler =
    [
        "Works well with others in a fast-paced environment.",
        "Communicates effectively with stakeholders.",
        "Performs other duties as assigned.",
        "Demonstrates strong attention to detail.",
        "Is a team player who takes ownership.",
        "Handles various tasks as needed.",
        "Participates in meetings and contributes ideas.",
        "Supports colleagues and shares knowledge.",
        "Goes above and beyond to deliver results.",
        "Thinks outside the box to solve problems.",
    ];

    public string Class => "generic-filler";
    public string ExpectedDimension => Dimensions.Specificity;
    public bool OfflineCovered => true;

    public Mutant? TryMutate(RoleProfile original, SourceDocument source, Random random)
    {
        ArgumentNullException.ThrowIfNull(source);
        var bullets = source.Bullets(LayerKeys.Responsibilities);
        if (bullets.Count < 5)
        {
            return null;
        }
        var count = Math.Min(bullets.Count, 5 + random.Next(4));
        var first = random.Next(bullets.Count - count + 1);
        var run = bullets.Skip(first).Take(count).ToList();
        if (run[^1].Number - run[0].Number != count - 1)
        {
            return null;
        }
        var lines = Filler.OrderBy(_ => random.Next()).Take(count).Select(f => "- " + f);
        return source.Mutate(this, run[0].Offset, run[^1].End - run[0].Offset, string.Join('\n', lines),
            $"{count} responsibilities (lines {run[0].Number + 1}-{run[^1].Number + 1}) replaced by generic filler");
    }
}
