using ReviewPanel.Profiles;

namespace ReviewPanel.Tests.Profiles;

public sealed class ExpandSourcesTests
{
    [Fact]
    public void ExpandSources_Folder_ListsTxtAndJsonRecursivelyInOrdinalOrderSkippingSchemas()
    {
        using var temp = new TempFolder();
        temp.Write("b.txt", "x");
        temp.Write("A.json", "{}");
        temp.Write("sub/c.TXT", "x");
        temp.Write("profile.schema.json", "{}");
        temp.Write("notes.md", "x");

        var files = new ProfileImporter().ExpandSources([temp.Path]).ToList();

        string[] expected = ["A.json", "b.txt", Path.Combine("sub", "c.TXT")];
        Assert.Equal(expected.Select(e => Path.Combine(temp.Path, e)), files);
    }

    [Fact]
    public void ExpandSources_FilesAndMissingPaths_ArePassedThroughInOrderOnce()
    {
        using var temp = new TempFolder();
        var notes = temp.Write("notes.md", "x");
        var missing = Path.Combine(temp.Path, "missing.txt");

        var files = new ProfileImporter().ExpandSources([notes, missing, notes]).ToList();

        Assert.Equal([notes, missing], files);
        Assert.Equal(ImportErrorKind.Unreadable, new ProfileImporter().Import(missing).Error?.Kind);
    }

    [Fact]
    public void ExpandSources_FixturesFolder_ImportsEveryBadFileAsAnErrorWithoutThrowing()
    {
        var importer = new ProfileImporter();
        var files = importer.ExpandSources([RepoFiles.Path("fixtures", "bad")]).ToList();

        Assert.Equal(["bad-schema.json", "binary.txt", "empty.txt", "invalid-utf8.txt", "no-profile.txt"], files.Select(Path.GetFileName));
        Assert.All(files.Select(importer.Import), r => Assert.False(r.IsSuccess));
    }

    [Fact]
    public void ExpandSources_CalibrationFolder_SkipsGoldLabelFilesAndImportsEveryProfile()
    {
        var importer = new ProfileImporter();
        var files = importer.ExpandSources([RepoFiles.Path("fixtures", "calibration")]).ToList();

        Assert.DoesNotContain(files, f => f.EndsWith(".gold.json", StringComparison.Ordinal));
        Assert.Equal(Directory.GetFiles(RepoFiles.Path("fixtures", "calibration"), "*.gold.json").Length, files.Count);
        Assert.All(files.Select(importer.Import), r => Assert.True(r.IsSuccess));
    }

    [Fact]
    public void ExpandSources_TwoSymlinksToTheFolderItself_ListsEachFileOnceAndEnds()
    {
        using var temp = new TempFolder();
        var file = temp.Write("a.txt", "x");
        temp.Write("sub/b.txt", "x");
        Directory.CreateSymbolicLink(System.IO.Path.Combine(temp.Path, "loop-1"), ".");
        Directory.CreateSymbolicLink(System.IO.Path.Combine(temp.Path, "sub", "up"), "..");

        var files = new ProfileImporter().ExpandSources([temp.Path]).ToList();

        Assert.Equal([file, System.IO.Path.Combine(temp.Path, "sub", "b.txt")], files);
    }

    [ReviewPanel.Tests.Cli.LinuxFact]
    public void Import_FifoNamedTxt_IsUnreadableWithoutOpeningIt()
    {
        using var temp = new TempFolder();
        var fifo = System.IO.Path.Combine(temp.Path, "pipe.txt");
        ReviewPanel.Tests.Cli.HostileInputProcessTests.MakeFifo(fifo);
        var importer = new ProfileImporter();

        Assert.Equal([fifo], importer.ExpandSources([temp.Path]));
        var error = importer.Import(fifo).Error;
        Assert.Equal(ImportErrorKind.Unreadable, error?.Kind);
        Assert.Equal("not a regular file (a named pipe (FIFO)); not opened", error?.Reason);
        Assert.Null(importer.TryReadBytes(fifo, out var reason));
        Assert.Equal(error?.Reason, reason);
    }
}
