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
    [InlineData("skills", "builds automation", true)] // real text, wrong layer: found in focus, and recorded there
    [InlineData("focus", "builds automation for toasters", false)]
    [InlineData("nope", "terraform", true)]
    [InlineData("nope", "toasters", false)]
    [InlineData("focus", "   ", false)]
    public void IsGrounded_NormalizesWhitespaceAndCase_AndFindsAQuoteInAnyLayer(string layer, string quote, bool expected)
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

    private static GroundingCheck CreateRichSut() => new(new RoleProfile
    {
        Id = "DATA.X.P4",
        Title = "Data \u200BPlatform — P4",
        Code = "DATA.X.P4",
        VersionHash = "v",
        Source = "p.json",
        Format = "json",
        Layers =
        [
            new ProfileLayer
            {
                Key = "skills",
                Title = "Skills for the grader",
                Text = "Skills",
                Sha256 = Sha256Text.Of("x"),
                Items = ["Streaming ingestion"],
                Columns = ["Level", "Years"],
                Rows = [["P4", "7+ years"]],
                Fields = [new("Data Quality", "Defines dbt tests"), new("Kafka", "Operates topics")],
                Sources = ["jfm-factory.resolve"],
            },
        ],
    });

    [Theory]
    [InlineData("skills", "for the grader", "skills.title")]
    [InlineData("skills", "streaming ingestion", "skills.items[0]")]
    [InlineData("skills", "years", "skills.columns[1]")]
    [InlineData("skills", "7+ YEARS", "skills.rows[0][1]")]
    [InlineData("skills", "kafka", "skills.fields[1].name")]
    [InlineData("skills", "operates topics", "skills.fields[1].value")]
    [InlineData("skills", "jfm-factory", "skills.sources[0]")]
    [InlineData("profile", "Data \u200BPlatform", "profile.title")]
    [InlineData("profile", "data platform", "profile.title")] // the hidden character left out, as a model saw it
    [InlineData("profile", "data <U+200B>platform", "profile.title")] // or escaped, as the prompt shows it
    [InlineData("profile", "data.x.p4", "profile.code")]
    [InlineData("focus", "operates topics", "skills.fields[1].value")] // wrong layer named: found elsewhere, recorded
    public void Mark_QuoteInAnyStringShownToAModel_IsGroundedWithItsLocation(string layer, string quote, string location)
    {
        var marked = CreateRichSut().Mark(new Evidence(layer, quote));

        Assert.True(marked.Grounded);
        Assert.Equal(location, marked.Location);
    }

    [Fact]
    public void Mark_QuoteNowhere_IsUngroundedWithoutLocation()
    {
        var marked = CreateRichSut().Mark(new Evidence("skills", "operates toasters"));

        Assert.False(marked.Grounded);
        Assert.Null(marked.Location);
    }
}
