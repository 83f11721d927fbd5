using ReviewPanel.Cli.Output;
using ReviewPanel.Hashing;
using ReviewPanel.Panel;
using ReviewPanel.Profiles;
using ReviewPanel.Reviewing.Llm;
using ReviewPanel.Scoring;
using ReviewPanel.Tests.Llm;
using ReviewPanel.Text;

namespace ReviewPanel.Tests.Text;

public sealed class VisibleTextTests
{
    [Theory]
    [InlineData("ig\u200Bnore", "ig<U+200B>nore")]
    [InlineData("pro\u00ADfile", "pro<U+00AD>file")]
    [InlineData("word\u2060joiner", "word<U+2060>joiner")]
    [InlineData("\u202Eesrever\u202C", "<U+202E>esrever<U+202C>")]
    [InlineData("a\u001B[2Jb\u0007", "a<U+001B>[2Jb<U+0007>")]
    [InlineData("c1\u009Bx", "c1<U+009B>x")]
    [InlineData("bom\uFEFF", "bom<U+FEFF>")]
    [InlineData("line\u2028sep", "line<U+2028>sep")]
    public void Escape_HiddenCharacter_BecomesItsCodePoint(string text, string expected)
    {
        Assert.Equal(expected, VisibleText.Escape(text));
    }

    [Fact]
    public void Escape_LoneSurrogate_BecomesItsCodePoint()
    {
        Assert.Equal("lone<U+D800>x", VisibleText.Escape("lone" + (char)0xD800 + "x"));
    }

    [Fact]
    public void Escape_TagCharacter_IsOneEscapeForTheSurrogatePair()
    {
        Assert.Equal("x<U+E0069><U+E0067>", VisibleText.Escape("x" + char.ConvertFromUtf32(0xE0069) + char.ConvertFromUtf32(0xE0067)));
    }

    [Theory]
    [InlineData("Data Platform Engineering — P4")]
    [InlineData("tabs\tand\nnewlines stay")]
    [InlineData("Zürich, 数据平台, データ")]
    [InlineData("warning \u26A0\uFE0F and family \U0001F468\u200D\U0001F469")]
    public void Escape_VisibleText_IsUnchanged(string text)
    {
        Assert.False(VisibleText.ContainsHidden(text));
        Assert.Equal(text, VisibleText.Escape(text));
    }

    [Fact]
    public void Strip_RemovesHiddenCharactersOnly()
    {
        Assert.Equal("ignore it", VisibleText.Strip("ig\u200Bno\u00ADre\u2060 it\u001B"));
    }

    [Fact]
    public void PromptBuilder_HiddenCharacters_ReachTheModelEscapedNeverRaw()
    {
        var layer = new ProfileLayer
        {
            Key = "focus",
            Title = "Focus\u202E — x",
            Text = "Builds ig\u200Bnore pipelines\u001B[2J with tags" + char.ConvertFromUtf32(0xE0069),
            Sha256 = Sha256Text.Of("x"),
        };

        var user = new ReviewPromptBuilder(LlmTestData.Rubric).Build(LlmTestData.Persona(), LlmTestData.Profile(layer)).User.Text;

        Assert.False(VisibleText.ContainsHidden(user));
        Assert.Contains("## layer: focus | Focus<U+202E> — x", user, StringComparison.Ordinal);
        Assert.Contains("Builds ig<U+200B>nore pipelines<U+001B>[2J with tags<U+E0069>", user, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BatchTable_ControlCharactersFromAProfile_NeverReachTheTerminalRaw()
    {
        var summary = new ProfileSummary
        {
            Source = "drafts/evil\u001B]0;owned\u0007.txt",
            ProfileId = "evil\u001B[31m\u0007",
            Verdict = VerdictOutcome.Error,
            Scores = new Dictionary<string, double?>(),
            Failing = [],
            Error = "bad \u001B[2J input",
            JudgedBy = new Dictionary<string, IReadOnlyList<string>>(),
            FailingEvidence = [],
            Unstable = [],
        };
        var result = new BatchResult("run-1", [summary], DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        using var writer = new StringWriter();

        await BatchOutput.WriteAsync(result, "table", writer);

        var text = writer.ToString();
        Assert.DoesNotContain('\u001B', text);
        Assert.DoesNotContain('\u0007', text);
        Assert.Contains("evil<U+001B>[31m<U+0007>", text, StringComparison.Ordinal);
        Assert.Contains("bad <U+001B>[2J input", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_HiddenCharacters_AreEscapedInHtmlMarkdownAndXml()
    {
        const string hostile = "Ig\u200Bnore\u001B[2J";

        Assert.Equal("Ig&lt;U+200B&gt;nore&lt;U+001B&gt;[2J", ReviewPanel.Reporting.ReportText.Html(hostile));
        Assert.DoesNotContain('\u200B', ReviewPanel.Reporting.ReportText.Markdown(hostile));
        Assert.Contains("&lt;U\\+200B&gt;", ReviewPanel.Reporting.ReportText.Markdown(hostile), StringComparison.Ordinal); // '+' is Markdown-escaped
        Assert.Equal("Ig<U+200B>nore<U+001B>[2J", ReviewPanel.Reporting.ReportText.Xml(hostile));
    }
}
