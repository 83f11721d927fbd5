using System.Text;
using ReviewPanel.Hashing;
using ReviewPanel.Reviewing;
using ReviewPanel.Reviewing.Llm;

namespace ReviewPanel.Tests.Llm;

public sealed class PersonaFileTests
{
    private static PersonaFile Parse(string text) => PersonaFile.Parse("reviewers/x.md", Encoding.UTF8.GetBytes(text));

    private static string Error(string text) => Assert.Throws<InvalidDataException>(() => Parse(text)).Message;

    [Fact]
    public void Parse_FullFrontMatter_ReadsFieldsBodyAndHashOfBytes()
    {
        var text = "---\nid: auditor\ndimensions:\n  - evidence\n  - accuracy\ndeployment: gpt4o-east\ntemperature: 0.3\nversion: 2\n---\n\nBe harsh.\n";
        var persona = Parse(text);

        Assert.Equal("auditor", persona.Id);
        Assert.Equal(["accuracy", "evidence"], persona.Dimensions); // rubric order
        Assert.Equal("gpt4o-east", persona.Deployment);
        Assert.Equal(0.3, persona.Temperature, 6);
        Assert.Equal("2", persona.Version);
        Assert.Equal("Be harsh.", persona.Body);
        Assert.Equal(Sha256Text.Of(Encoding.UTF8.GetBytes(text)), persona.Sha256);
    }

    [Fact]
    public void Parse_NoDeploymentOrTemperature_DefaultsToDefaultEndpointAndZero()
    {
        var persona = Parse("---\nid: a\ndimensions: [fairness]\n---\nBody");
        Assert.Null(persona.Deployment);
        Assert.Equal(0, persona.Temperature);
    }

    [Fact]
    public void Parse_OneByteChanged_ChangesIdentity()
    {
        Assert.NotEqual(Parse("---\nid: a\ndimensions: [fairness]\n---\nBody").Sha256, Parse("---\nid: a\ndimensions: [fairness]\n---\nBody.").Sha256);
    }

    [Theory]
    [InlineData("id: a\ndimensions: [fairness]\n---\nBody", "must start with a '---'")]
    [InlineData("---\nid: a\ndimensions: [fairness]\nBody", "not closed")]
    [InlineData("---\ndimensions: [fairness]\n---\nBody", "no 'id'")]
    [InlineData("---\nid: Bad Id\ndimensions: [fairness]\n---\nBody", "id 'Bad Id'")]
    [InlineData("---\nid: a\n---\nBody", "no 'dimensions'")]
    [InlineData("---\nid: a\ndimensions: [fairnes]\n---\nBody", "unknown dimension(s) 'fairnes'")]
    [InlineData("---\nid: a\ndimensions: [fairness, fairness]\n---\nBody", "listed twice")]
    [InlineData("---\nid: a\ndimensions: [fairness]\ntemperature: 3\n---\nBody", "outside 0..2")]
    [InlineData("---\nid: a\ndimensions: [fairness]\n---\n  \n", "brief")]
    [InlineData("---\nid: a\ndimensions: [fairness]\ntemprature: 0.5\n---\nBody", "front matter line")]
    [InlineData("---\nid: a\ndimensions: [fairness\n---\nBody", "front matter line")]
    public void Parse_BadFrontMatter_ThrowsNamingFileAndProblem(string text, string problem)
    {
        var message = Error(text);
        Assert.Contains("reviewers/x.md", message);
        Assert.Contains(problem, message);
    }

    [Fact]
    public void LoadDirectory_CommittedPersonas_ParseWithTheirDimensions()
    {
        var prompts = LlmTestData.PromptsDirectory();
        var personas = PersonaFile.LoadDirectory(Path.Combine(prompts, "reviewers")).ToDictionary(p => p.Id);

        Assert.Equal(["accuracy", "distinctiveness", "specificity"], personas["practitioner"].Dimensions);
        Assert.Equal(["level-calibration", "consistency", "evidence"], personas["leveling-expert"].Dimensions);
        Assert.Equal(Dimensions.All, personas["red-teamer"].Dimensions);
        Assert.All(personas.Values, p => Assert.Equal(0, p.Temperature));
        Assert.Equal("adjudicator", PersonaFile.Load(Path.Combine(prompts, "adjudicator.md")).Id);
    }

    [Fact]
    public void LoadDirectory_DuplicateIds_Throws()
    {
        var dir = Directory.CreateTempSubdirectory("personas");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "a.md"), "---\nid: same\ndimensions: [fairness]\n---\nA");
            File.WriteAllText(Path.Combine(dir.FullName, "b.md"), "---\nid: same\ndimensions: [accuracy]\n---\nB");
            var ex = Assert.Throws<InvalidDataException>(() => PersonaFile.LoadDirectory(dir.FullName));
            Assert.Contains("'same'", ex.Message);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
    [Fact]
    public void Parse_LayersList_KeptInTheImportersOrder_AllOrAbsentMeansEveryLayer()
    {
        var listed = Parse("---\nid: a\ndimensions: [evidence]\nlayers: [provenance, title, classification]\n---\nBody");
        Assert.Equal(["title", "provenance", "classification"], listed.Layers);
        Assert.True(listed.Sees("provenance"));
        Assert.False(listed.Sees("skills"));
        Assert.False(listed.Sees("unknown:notes"));

        var all = Parse("---\nid: a\ndimensions: [evidence]\nlayers: all\n---\nBody");
        Assert.Null(all.Layers);
        Assert.True(all.Sees("unknown:notes"));
        Assert.Null(Parse("---\nid: a\ndimensions: [evidence]\n---\nBody").Layers);
    }

    [Theory]
    [InlineData("layers: [focus, skils]", "unknown layer(s) 'skils'")]
    [InlineData("layers: [focus, focus]", "a layer is listed twice")]
    [InlineData("layers: []", "'layers' must be 'all' or a non-empty list")]
    [InlineData("layers: some", "'layers' must be 'all' or a non-empty list")]
    public void Parse_BadLayers_NamesTheProblem(string line, string expected)
    {
        Assert.Contains(expected, Error($"---\nid: a\ndimensions: [evidence]\n{line}\n---\nBody"));
    }

    [Fact]
    public void RubricSlice_KeepsPreambleAndOnlyTheAskedSectionsVerbatimInFileOrder()
    {
        var rubric = new RubricDocument("# R\n\nIntro line.\n\n## accuracy\n- 5: a\n\n## specificity\n- 5: s\n\n## fairness\n- 5: f\n", "sha", "r.md");

        Assert.Equal("# R\n\nIntro line.\n\n## accuracy\n- 5: a\n\n## fairness\n- 5: f\n", rubric.Slice(["fairness", "accuracy"]));
        Assert.Equal(rubric.Text, rubric.Slice(["accuracy", "specificity", "fairness"]));
        // A dimension without a section: the whole rubric, never a silently missing anchor.
        Assert.Equal(rubric.Text, rubric.Slice(["accuracy", "evidence"]));
    }
}
