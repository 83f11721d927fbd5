using ReviewPanel.Audit;
using ReviewPanel.Panel;
using ReviewPanel.Provenance;
using ReviewPanel.Reviewing;
using ReviewPanel.Scoring;

namespace ReviewPanel.Tests.Audit;

public sealed class RunChangesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    private static ProfileReport Report(params (string Key, string Sha)[] layers) => new()
    {
        RunId = "r",
        Source = "p.txt",
        ProfileId = "P.X.P4",
        Verdict = new Verdict { Outcome = VerdictOutcome.Pass },
        Layers = layers.Select(l => new LayerProvenance(l.Key, l.Key, l.Sha, [], [])).ToList(),
        StartedAt = T0,
        FinishedAt = T0,
    };

    private static RunProvenance Run(string rubric, params ReviewerDescriptor[] reviewers) => new()
    {
        RunId = "r",
        ToolVersion = "1",
        RubricSha256 = rubric,
        Reviewers = reviewers,
        Command = "review",
        StartedAt = T0,
    };

    private static ReviewerDescriptor Llm(string id, string prompt, string model) => new(id, prompt, "llm", [Dimensions.Accuracy], model);

    [Fact]
    public void Compare_SameTextRubricPromptsAndModels_ReportsNone()
    {
        var run = Run("r1", Llm("llm.a", "p1", "gpt-4o"));

        var changes = RunChanges.Compare(Report(("focus", "f1"), ("skills", "s1")), run, Report(("focus", "f1"), ("skills", "s1")), run);

        Assert.True(changes.None);
    }

    [Fact]
    public void Compare_OneLayerEditedOneAddedOneRemoved_NamesEachLayer()
    {
        var run = Run("r1");

        var changes = RunChanges.Compare(
            Report(("focus", "f1"), ("skills", "s1"), ("level", "l1")), run,
            Report(("focus", "f1"), ("skills", "s2"), ("aliases", "a1")), run);

        Assert.Equal(
            [new LayerChange("skills", "s1", "s2"), new LayerChange("aliases", null, "a1"), new LayerChange("level", "l1", null)],
            changes.Layers);
        Assert.Null(changes.Rubric);
        Assert.False(changes.None);
    }

    [Fact]
    public void Compare_RubricPromptAndModelChanged_ReportsEachWithBeforeAndAfter()
    {
        var before = Run("rubric-1", Llm("llm.a", "p1", "gpt-4o"), Llm("llm.b", "q1", "gpt-4o"));
        var after = Run("rubric-2", Llm("llm.a", "p2", "gpt-4o"), Llm("llm.b", "q1", "gpt-4.1"), Llm("llm.c", "c1", "gpt-4o"));

        var changes = RunChanges.Compare(Report(("focus", "f1")), before, Report(("focus", "f1")), after);

        Assert.Empty(changes.Layers);
        Assert.Equal(new ValueChange("rubric-1", "rubric-2"), changes.Rubric);
        Assert.Equal([new ReviewerChange("llm.a", "p1", "p2"), new ReviewerChange("llm.c", null, "c1")], changes.Prompts);
        Assert.Equal([new ReviewerChange("llm.b", "gpt-4o", "gpt-4.1")], changes.Models);
    }

    [Fact]
    public void Compare_RunsUnknown_TakesReviewersFromTheReviewsAndSkipsTheRubric()
    {
        var old = Report(("focus", "f1")) with { Reviews = [new Review { ReviewerId = "llm.a", ReviewerVersion = "p1", Kind = "llm", Calls = [new CallRecord { Model = "m1" }] }] };
        var @new = Report(("focus", "f1")) with { Reviews = [new Review { ReviewerId = "llm.a", ReviewerVersion = "p1", Kind = "llm", Calls = [new CallRecord { Model = "m2" }] }] };

        var changes = RunChanges.Compare(old, null, @new, null);

        Assert.Null(changes.Rubric);
        Assert.Empty(changes.Prompts);
        Assert.Equal([new ReviewerChange("llm.a", "m1", "m2")], changes.Models);
    }
}
