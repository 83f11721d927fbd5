using Microsoft.Extensions.AI;
using ReviewPanel.Reviewing;
using ReviewPanel.Reviewing.Llm;

namespace ReviewPanel.Tests.Llm;

public sealed class LlmAdjudicatorTests
{
    private readonly FakeChatClient _chat = new();

    private LlmAdjudicator CreateSut() => new(
        LlmTestData.Persona("adjudicator", 0, [.. Dimensions.All]),
        new ReviewPromptBuilder(LlmTestData.Rubric),
        _chat,
        new LlmReviewerOptions { MaxReasks = 1, Deployment = "gpt-4o-dep" });

    private static Review Scored(string reviewer, int score, params Evidence[] evidence) => new()
    {
        ReviewerId = reviewer,
        ReviewerVersion = "v1",
        Kind = "llm",
        Scores = [new DimensionScore("specificity", score, $"{reviewer} says {score}", evidence), new DimensionScore("accuracy", 5, "fine", [])],
    };

    private static readonly Review[] Conflict =
    [
        Scored("llm.practitioner", 2, new Evidence("responsibilities", "Leverages synergies to drive excellence.")),
        Scored("llm.red-teamer", 5),
    ];

    [Fact]
    public async Task AdjudicateAsync_ValidReply_ScoresOnlyThatDimensionWithCitedEvidence()
    {
        _chat.Reply("{\"dimension\":\"specificity\",\"score\":2,\"rationale\":\"The filler line is real.\",\"refutations\":[]}");

        var review = await CreateSut().AdjudicateAsync(LlmTestData.Profile(), "specificity", Conflict, CancellationToken.None);

        Assert.Equal(ReviewStatus.Ok, review.Status);
        Assert.Equal("adjudicator", review.Kind);
        Assert.Equal("llm.adjudicator", review.ReviewerId);
        var score = Assert.Single(review.Scores);
        Assert.Equal(("specificity", 2), (score.Dimension, score.Score!.Value));
        Assert.Equal("The filler line is real.", score.Rationale);
        var evidence = Assert.Single(score.Evidence);
        Assert.Equal("Leverages synergies to drive excellence.", evidence.Quote);
        Assert.Equal("cited by llm.practitioner", evidence.Note);
        Assert.Single(review.Calls);

        var (messages, options) = Assert.Single(_chat.Requests);
        Assert.Equal("adjudication", Assert.IsType<ChatResponseFormatJson>(options!.ResponseFormat).SchemaName);
        var user = messages[1].Text;
        Assert.Contains("### llm.practitioner: 2", user);
        Assert.Contains("### llm.red-teamer: 5", user);
        Assert.DoesNotContain("fine", user); // only the disputed dimension is sent
    }

    [Fact]
    public async Task AdjudicateAsync_HighScore_CarriesNoEvidence()
    {
        _chat.Reply("{\"dimension\":\"specificity\",\"score\":4,\"rationale\":\"The quote is a single slip.\",\"refutations\":[]}");
        var review = await CreateSut().AdjudicateAsync(LlmTestData.Profile(), "specificity", Conflict, CancellationToken.None);
        Assert.Empty(review.Scores.Single().Evidence);
    }

    [Fact]
    public async Task AdjudicateAsync_WrongDimensionTwice_IsAnError()
    {
        _chat.Reply("{\"dimension\":\"accuracy\",\"score\":2,\"rationale\":\"r\"}").Reply("{\"dimension\":\"accuracy\",\"score\":2,\"rationale\":\"r\"}");

        var review = await CreateSut().AdjudicateAsync(LlmTestData.Profile(), "specificity", Conflict, CancellationToken.None);

        Assert.Equal(ReviewStatus.Error, review.Status);
        Assert.Equal("adjudicator", review.Kind);
        Assert.Equal(2, review.Calls.Single().RejectedReplies.Count);
    }

    [Fact]
    public async Task AdjudicateAsync_NoReviewScoredTheDimension_FailsWithoutCalling()
    {
        var review = await CreateSut().AdjudicateAsync(LlmTestData.Profile(), "fairness", Conflict, CancellationToken.None);
        Assert.Equal(ReviewStatus.Error, review.Status);
        Assert.Empty(_chat.Requests);
    }
}
