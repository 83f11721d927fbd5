using ReviewPanel.Hashing;
using ReviewPanel.Profiles;
using ReviewPanel.Reviewing;

namespace ReviewPanel.Tests.Reviewing;

public sealed class GroundingCheckTests
{
    private static GroundingCheck CreateSut() => new(new RoleProfile
    {
        Id = "p",
        Title = "t",
        VersionHash = "v",
        Source = "s",
        Format = "text",
        Layers =
        [
            new ProfileLayer { Key = "focus", Title = "Focus", Text = "Builds  automation\nand tooling to reduce toil.", Sha256 = Sha256Text.Of("x") },
            new ProfileLayer { Key = "skills", Title = "Skills", Text = "Terraform", Sha256 = Sha256Text.Of("y") },
        ],
    });

    [Theory]
    [InlineData("focus", "builds automation and tooling", true)]
    [InlineData("focus", "  BUILDS AUTOMATION\tAND  TOOLING ", true)]
    [InlineData("skills", "builds automation", false)] // real text, wrong layer
    [InlineData("focus", "builds automation for toasters", false)]
    [InlineData("nope", "terraform", false)]
    [InlineData("focus", "   ", false)]
    public void IsGrounded_NormalizesWhitespaceAndCaseButNotLayer(string layer, string quote, bool expected)
    {
        Assert.Equal(expected, CreateSut().IsGrounded(new Evidence(layer, quote)));
    }

    [Fact]
    public void Apply_CritiqueWithOnlyHallucinatedQuotes_IsMarkedUngrounded()
    {
        var review = new Review
        {
            ReviewerId = "r",
            ReviewerVersion = "1",
            Kind = "llm",
            Scores =
            [
                new DimensionScore("consistency", 2, "bad", [new Evidence("focus", "text that is not there")]),
                new DimensionScore("specificity", 2, "bad", [new Evidence("focus", "reduce toil")]),
                new DimensionScore("fairness", 5, "fine", [new Evidence("focus", "not there either")]),
            ],
        };

        var result = CreateSut().Apply(review, 4);

        Assert.True(result.Scores[0].Ungrounded);
        Assert.False(result.Scores[0].Evidence[0].Grounded);
        Assert.False(result.Scores[1].Ungrounded);
        Assert.True(result.Scores[1].Evidence[0].Grounded);
        Assert.False(result.Scores[2].Ungrounded); // not a critique: nothing to ground
    }

    [Fact]
    public void Apply_CritiqueWithoutAnyEvidence_IsUngrounded()
    {
        var review = new Review { ReviewerId = "r", ReviewerVersion = "1", Kind = "llm", Scores = [new DimensionScore("consistency", 1, "bad", [])] };

        Assert.True(CreateSut().Apply(review, 4).Scores[0].Ungrounded);
    }
}
