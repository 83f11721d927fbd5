using ReviewPanel.Scoring;
using ReviewPanel.Audit;

namespace ReviewPanel.Tests.Audit;

public sealed class GoldLabelTests
{
    [Fact]
    public void Parse_ScoresVerdictAndNotes_ReadsThem()
    {
        var label = GoldLabel.Parse("""{"scores": {"consistency": 2, "fairness": 5}, "verdict": "fail", "notes": "repeated focus"}""", "a.gold.json", new GateOptions().PassingScore);

        Assert.Equal(2, label.Scores["consistency"]);
        Assert.Equal(5, label.Scores["fairness"]);
        Assert.False(label.Pass);
        Assert.Equal("repeated focus", label.Notes);
    }

    [Theory]
    [InlineData("""{"scores": {"consistency": 4, "fairness": 5}}""", true)]
    [InlineData("""{"scores": {"consistency": 3, "fairness": 5}}""", false)]
    [InlineData("""{"scores": {"consistency": 5}, "verdict": "fail"}""", false)]
    public void Parse_VerdictOmitted_FollowsTheGateRuleElseTheGivenVerdict(string json, bool pass)
    {
        Assert.Equal(pass, GoldLabel.Parse(json, "a.gold.json", new GateOptions().PassingScore).Pass);
    }

    [Theory]
    [InlineData("""{"scores": {"consistency": 7}}""", "1 to 5")]
    [InlineData("""{"scores": {"consistency": 2.5}}""", "1 to 5")]
    [InlineData("""{"scores": {"consistancy": 2}}""", "unknown dimension \"consistancy\"")]
    [InlineData("""{"scores": {}}""", "missing or empty")]
    [InlineData("""{"verdict": "fail"}""", "missing or empty")]
    [InlineData("""{"scores": {"consistency": 2}, "verdict": "maybe"}""", "\"pass\" or \"fail\"")]
    [InlineData("""{"score": {"consistency": 2}}""", "unknown property \"score\"")]
    [InlineData("""[1, 2]""", "top level")]
    [InlineData("""{"scores": {"consistency": 2""", "not valid JSON")]
    public void Parse_Malformed_ThrowsNamingTheFileAndTheProblem(string json, string problem)
    {
        var ex = Assert.Throws<InvalidDataException>(() => GoldLabel.Parse(json, "cal/x.txt.gold.json", new GateOptions().PassingScore));

        Assert.StartsWith("cal/x.txt.gold.json: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
    }
}
