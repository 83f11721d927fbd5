using ReviewPanel.Heuristics;

namespace ReviewPanel.Tests.Heuristics;

public sealed class SocCatalogTests
{
    [Fact]
    public void Default_LoadsTheEmbeddedOnetList()
    {
        Assert.Equal(1016, SocCatalog.Default.Occupations.Count);
        Assert.Same(SocCatalog.Default, SocCatalog.Default);
    }

    [Theory]
    [InlineData("15-1244", "Network and Computer Systems Administrators")]
    [InlineData("15-1244.00", "Network and Computer Systems Administrators")]
    [InlineData("29-1141.03", "Critical Care Nurses")]
    public void Find_KnownCode_ReturnsItsOccupation(string code, string title) =>
        Assert.Contains(SocCatalog.Default.Find(code), o => o.Title == title);

    [Fact]
    public void Find_SixDigitCode_ReturnsEveryOnetOccupationUnderIt() =>
        Assert.Equal(["29-1141.00", "29-1141.01", "29-1141.02", "29-1141.03", "29-1141.04"],
            SocCatalog.Default.Find("29-1141").Select(o => o.OnetCode).Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("15-9999")]
    [InlineData("151244")]
    [InlineData("")]
    public void Find_UnknownOrMalformedCode_ReturnsNothing(string code) => Assert.Empty(SocCatalog.Default.Find(code));

    [Theory]
    [InlineData("Assess patient health, administer medication and nursing care plans in hospital wards.", "29")]
    [InlineData("Prepare and cook meals in a restaurant kitchen, plan menus and order food supplies.", "35")]
    [InlineData("Write, test and debug software applications and computer programs.", "15")]
    public void Rank_Text_PutsTheMatchingMajorGroupFirst(string text, string group) =>
        Assert.Equal(group, SocCatalog.Default.Rank(text, 5)[0].Occupation.MajorGroup);

    [Fact]
    public void Parse_SkipsHeaderAndMalformedLines()
    {
        var catalog = SocCatalog.Parse(new StringReader("O*NET-SOC Code\tTitle\tDescription\n11-1011.00\tChief Executives\tDetermine policies.\nbad line\n"));

        var occupation = Assert.Single(catalog.Occupations);
        Assert.Equal("11-1011", occupation.Soc);
        Assert.Equal("11", occupation.MajorGroup);
    }
}
