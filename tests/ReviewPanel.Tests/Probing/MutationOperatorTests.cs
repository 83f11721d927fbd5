using System.Text.Json;
using ReviewPanel.Probing;
using ReviewPanel.Profiles;

namespace ReviewPanel.Tests.Probing;

/// <summary>Every operator plants exactly one defect: the mutant is the original with one span replaced, and nothing else moves.</summary>
public sealed class MutationOperatorTests
{
    private static readonly string[] Originals = ["data-platform-p4.txt", "devops-sre-p6-deduplicated.txt", "devops-sre-p6.txt"];

    public static TheoryData<string, string> OperatorsAndOriginals()
    {
        var data = new TheoryData<string, string>();
        foreach (var op in MutationOperators.All)
        {
            foreach (var file in Originals)
            {
                data.Add(op.Class, file);
            }
        }
        return data;
    }

    private static (RoleProfile Profile, SourceDocument Document) Load(string file)
    {
        var path = ProbeHarness.Fixture(file);
        var imported = new ProfileImporter().Import(path);
        Assert.True(imported.IsSuccess, imported.Error?.Reason);
        return (imported.Profile, SourceDocument.From(File.ReadAllText(path), imported.Profile)!);
    }

    [Theory]
    [MemberData(nameof(OperatorsAndOriginals))]
    public void Mutant_DiffersFromItsOriginalOnlyInThePlantedSpan(string mutationClass, string file)
    {
        var (original, document) = Load(file);
        var op = MutationOperators.Find(mutationClass)!;

        for (var seed = 1; seed <= 6; seed++)
        {
            var mutant = op.TryMutate(original, document, new Random(seed));

            Assert.NotNull(mutant);
            var span = mutant.Span;
            Assert.Equal(document.Text.Substring(span.Offset, span.Length), span.Before);
            Assert.NotEqual(span.Before, span.After);
            Assert.Equal(span.ApplyTo(document.Text), mutant.Text);
            // The texts agree before the span and after it: nothing outside it changed.
            Assert.Equal(document.Text[..span.Offset], mutant.Text[..span.Offset]);
            Assert.Equal(document.Text[(span.Offset + span.Length)..], mutant.Text[(span.Offset + span.After.Length)..]);
            Assert.Equal(span.After, mutant.Text.Substring(span.Offset, span.After.Length));
            Assert.Equal(mutationClass, mutant.Class);
            Assert.Equal(op.ExpectedDimension, mutant.ExpectedDimension);

            // Through the real importer: every layer the span does not touch keeps its hash.
            var reimported = new ProfileImporter().Import(file + "#mutant", System.Text.Encoding.UTF8.GetBytes(mutant.Text));
            Assert.True(reimported.IsSuccess, reimported.Error?.Reason);
            var touched = 0;
            foreach (var layer in original.Layers)
            {
                var start = document.Text.IndexOf(layer.Text, StringComparison.Ordinal);
                var end = start + layer.Text.Length;
                var same = reimported.Profile.Layer(layer.Key)?.Sha256 == layer.Sha256;
                if (end < span.Offset || start > span.Offset + span.Length)
                {
                    Assert.True(same, $"{mutationClass} seed {seed}: layer {layer.Key} is outside the span but changed");
                }
                else if (!same)
                {
                    touched++;
                }
            }
            Assert.True(touched > 0, $"{mutationClass}: the defect does not show in any imported layer");
        }
    }

    [Fact]
    public void Mutants_SameSeed_AreIdentical_AnotherSeed_DiffersSomewhere()
    {
        var (original, document) = Load("data-platform-p4.txt");

        var first = ProbeRunner.MutantsOf(original, document, MutationOperators.All, perClass: 3, seed: 7);
        var again = ProbeRunner.MutantsOf(original, document, MutationOperators.All, perClass: 3, seed: 7);
        var other = ProbeRunner.MutantsOf(original, document, MutationOperators.All, perClass: 3, seed: 8);

        Assert.Equal(Json(first), Json(again));
        Assert.Equal(first.Select(m => m.Text), again.Select(m => m.Text));
        Assert.NotEqual(Json(first), Json(other));
        Assert.All(first, m => Assert.Equal(ProbeSeeds.Derive(7, m.Class, original.VersionHash, m.Index), m.Seed));
    }

    [Fact]
    public void Mutants_PerClass_AreDistinctAndNumberedByTheirDraw()
    {
        var (original, document) = Load("devops-sre-p6-deduplicated.txt");

        var mutants = ProbeRunner.MutantsOf(original, document, MutationOperators.All, perClass: 4, seed: 1);

        foreach (var group in mutants.GroupBy(m => m.Class))
        {
            Assert.Equal(1, group.First().Index);
            Assert.Equal(group.Select(m => m.Index).Order(), group.Select(m => m.Index));
            Assert.All(group, m => Assert.InRange(m.Index, 1, 4));
            Assert.Equal(group.Count(), group.Select(m => m.Text).Distinct().Count());
        }
        Assert.Equal(MutationOperators.All.Count, mutants.Select(m => m.Class).Distinct().Count());
    }

    [Fact]
    public void SourceDocument_JsonOriginal_IsNotMutated()
    {
        var path = ProbeHarness.Fixture("data-platform-p4.json");
        var imported = new ProfileImporter().Import(path);

        Assert.Null(SourceDocument.From(File.ReadAllText(path), imported.Profile!));
    }

    [Fact]
    public void ObfuscatedInstruction_HidesZeroWidthCharactersInsideTheWords()
    {
        var (original, document) = Load("data-platform-p4.txt");

        var mutant = MutationOperators.Find("obfuscated-instruction")!.TryMutate(original, document, new Random(3))!;

        Assert.Contains(mutant.Span.After, c => c is '\u200B' or '\u200C' or '\u200D' or '\u2060');
        var visible = new string([.. mutant.Span.After.Where(c => c is not ('\u200B' or '\u200C' or '\u200D' or '\u2060'))]);
        Assert.Contains(visible.Trim(), ReviewPanel.Probing.Operators.ReviewerInstructionOperator.Instructions);
    }

    private static string Json(IReadOnlyList<Mutant> mutants) => JsonSerializer.Serialize(mutants.ToList(), ProbeJsonContext.Default.ListMutant);
}
