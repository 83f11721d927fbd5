using System.Text;
using ReviewPanel.Profiles;
using ReviewPanel.Scoring;

namespace ReviewPanel.Probing.Operators;

/// <summary>
/// The reviewer instruction with a zero-width character (U+200B, U+200C, U+200D or U+2060) inside every word of four
/// or more letters: invisible to a person, and no longer the words a pattern looks for.
/// </summary>
public sealed class ObfuscatedInstructionOperator : IMutationOperator
{
    private static readonly char[] Invisible = ['\u200B', '\u200C', '\u200D', '\u2060'];

    public string Class => "obfuscated-instruction";
    public string ExpectedDimension => Verdict.InjectionRule;
    public bool OfflineCovered => true;

    public Mutant? TryMutate(RoleProfile original, SourceDocument source, Random random)
    {
        var instruction = Draw.OneOf(random, ReviewerInstructionOperator.Instructions);
        var zw = Invisible[random.Next(Invisible.Length)];
        var obfuscated = new StringBuilder();
        foreach (var word in instruction.Split(' '))
        {
            if (obfuscated.Length > 0)
            {
                obfuscated.Append(' ');
            }
            obfuscated.Append(word.Length >= 4 ? string.Concat(word.AsSpan(0, 2), zw.ToString(), word.AsSpan(2)) : word);
        }
        return InsertedSentence.Append(this, source, random, obfuscated.ToString(), $"instruction to reviewers with U+{(int)zw:X4} inside its words");
    }
}
