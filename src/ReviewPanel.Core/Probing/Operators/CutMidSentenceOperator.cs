using ReviewPanel.Profiles;
using ReviewPanel.Reviewing;

namespace ReviewPanel.Probing.Operators;

/// <summary>
/// Cuts one responsibility bullet of eight or more words after a random word (at least three kept, at least two
/// dropped), as a generator that hit its token limit leaves it; the rest of the page stays.
/// </summary>
/// <remarks>
/// Not claimed offline: <c>heuristic.completeness</c> catches a cut that stops mid-word or on a function word ("and",
/// "with", "the") among finished siblings, but a cut after a content word ("... with executives") reads as a complete
/// phrase to any rule; only a model can judge that the sentence is unfinished. The probe reports its partial recall.
/// </remarks>
public sealed class CutMidSentenceOperator : IMutationOperator
{
    public string Class => "cut-mid-sentence";
    public string ExpectedDimension => Dimensions.Consistency;
    public bool OfflineCovered => false;

    public Mutant? TryMutate(RoleProfile original, SourceDocument source, Random random)
    {
        ArgumentNullException.ThrowIfNull(source);
        var candidates = source.Bullets(LayerKeys.Responsibilities).Where(l => Draw.Words(l.Text[2..]) >= 8).ToList();
        if (Draw.One(random, candidates) is not { } line)
        {
            return null;
        }
        var start = Draw.BulletTextStart(line);
        var text = source.Text[start..line.End];
        var wordEnds = new List<int>();
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] == ' ' && text[i - 1] != ' ')
            {
                wordEnds.Add(i);
            }
        }
        // Keep at least three words and drop at least two.
        var choices = wordEnds.Skip(2).Take(Math.Max(0, wordEnds.Count - 3)).ToList();
        if (choices.Count == 0)
        {
            return null;
        }
        var cut = choices[random.Next(choices.Count)];
        var at = start + cut;
        // Drop a comma or dash the cut would otherwise leave dangling: the defect is the missing rest, not punctuation.
        while (at > start && source.Text[at - 1] is ',' or ';' or ':')
        {
            at--;
        }
        return source.Mutate(this, at, line.End - at, "", $"line {line.Number + 1} cut after \"{source.Text[start..at][Math.Max(0, at - start - 30)..]}\"");
    }
}
