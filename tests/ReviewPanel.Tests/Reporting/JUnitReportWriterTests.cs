using System.Xml.Linq;
using ReviewPanel.Reporting;
using ReviewPanel.Reviewing;
using ReviewPanel.Tests.Fixtures;
using static ReviewPanel.Tests.Fixtures.ProfileReportFixtures;

namespace ReviewPanel.Tests.Reporting;

public sealed class JUnitReportWriterTests
{
    private static XDocument Parse(ReportModel model) => XDocument.Parse(new JUnitReportWriter().Render(model));

    [Fact]
    public void Write_MixedRun_CountsTestsFailuresAndErrors()
    {
        // Rich(i): fails when i % 3 == 1 or has an injection (i % 17 == 5); errs when i % 10 == 9.
        var model = ReportModelFixtures.Model(20);
        var expectedErrors = model.Profiles.Count(p => p.Verdict.Outcome == ReviewPanel.Scoring.VerdictOutcome.Error);
        var expectedFailures = model.Profiles.Count(p => p.Verdict.Outcome == ReviewPanel.Scoring.VerdictOutcome.Fail);

        var doc = Parse(model);

        var suite = Assert.Single(doc.Root!.Elements("testsuite"));
        Assert.Equal("testsuites", doc.Root.Name.LocalName);
        Assert.Equal("20", (string?)suite.Attribute("tests"));
        Assert.Equal(expectedFailures.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)suite.Attribute("failures"));
        Assert.Equal(expectedErrors.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)suite.Attribute("errors"));
        Assert.Equal(20, suite.Elements("testcase").Count());
        Assert.Equal(expectedFailures, suite.Descendants("failure").Count());
        Assert.Equal(expectedErrors, suite.Descendants("error").Count());
        Assert.True(expectedFailures > 0 && expectedErrors > 0, "fixture must mix outcomes");
    }

    [Fact]
    public void Write_Run_RecordsRunIdAndRubricShaAsProperties()
    {
        var doc = Parse(ReportModelFixtures.Model(2));

        var properties = doc.Descendants("property").ToDictionary(p => (string)p.Attribute("name")!, p => (string)p.Attribute("value")!);
        Assert.Equal(ReportModelFixtures.RunId, properties["run.id"]);
        Assert.Equal(ReportModelFixtures.RubricSha, properties["rubric.sha256"]);
    }

    [Fact]
    public void Write_FailedProfile_FailureMessageNamesDimensionsAndQuotes()
    {
        var report = Report("INFRAS.X.P3",
        [
            Review("a", new Dictionary<string, int?> { [Dimensions.Specificity] = 2, [Dimensions.Accuracy] = 5 }, quoteLayer: "skills", quote: "Works with various tools as needed."),
            Review("b", new Dictionary<string, int?> { [Dimensions.Specificity] = 2, [Dimensions.Accuracy] = 4 }, quoteLayer: "skills", quote: "Works with various tools as needed."),
        ]);

        var testcase = Assert.Single(Parse(ReportModelFixtures.Model([report])).Descendants("testcase"));
        var failure = Assert.Single(testcase.Elements("failure"));

        Assert.Equal("INFRAS.X.P3", (string?)testcase.Attribute("name"));
        var message = (string)failure.Attribute("message")!;
        Assert.Contains("specificity 2.0", message, StringComparison.Ordinal);
        Assert.Contains("Works with various tools as needed.", message, StringComparison.Ordinal);
        Assert.DoesNotContain("accuracy", message, StringComparison.Ordinal);
        Assert.Contains("[skills]", failure.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ErrorVerdict_WritesErrorElementWithTheReason()
    {
        var report = Report("p-err", [ErrorReview("llm.a")], error: "quorum not met on accuracy");

        var testcase = Assert.Single(Parse(ReportModelFixtures.Model([report])).Descendants("testcase"));

        Assert.Empty(testcase.Elements("failure"));
        Assert.Equal("quorum not met on accuracy", (string?)testcase.Element("error")!.Attribute("message"));
    }

    [Fact]
    public void Write_UnimportedProfile_IsNamedBySource()
    {
        var report = Report("ignored", [], error: "import failed") with { ProfileId = null, Source = "drafts/broken.json" };

        var testcase = Assert.Single(Parse(ReportModelFixtures.Model([report])).Descendants("testcase"));

        Assert.Equal("drafts/broken.json", (string?)testcase.Attribute("name"));
    }

    [Fact]
    public void Write_HostileText_StaysWellFormedAndRoundTrips()
    {
        const string hostile = "]]></failure><script>alert(1)</script> & \"quotes\" \u0001\u001b end";
        var report = Report("<id & \"x\">",
        [
            Review("a", new Dictionary<string, int?> { [Dimensions.Consistency] = 1 }, quote: hostile),
        ], title: hostile);

        var doc = Parse(ReportModelFixtures.Model([report]));

        var testcase = Assert.Single(doc.Descendants("testcase"));
        Assert.Equal("<id & \"x\">", (string?)testcase.Attribute("name"));
        var message = (string)testcase.Element("failure")!.Attribute("message")!;
        Assert.Contains("]]></failure><script>alert(1)</script> & \"quotes\"", message, StringComparison.Ordinal);
        Assert.DoesNotContain('\u0001', message);
        Assert.Empty(doc.Descendants("script"));
    }
}
