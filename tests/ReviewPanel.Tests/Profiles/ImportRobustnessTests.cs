using System.Text;
using ReviewPanel.Profiles;

namespace ReviewPanel.Tests.Profiles;

/// <summary>Damaged and shuffled versions of the seed: the importer answers every one without throwing or faulting.</summary>
public sealed class ImportRobustnessTests
{
    private static readonly string[] SeedLines = File.ReadAllText(RepoFiles.Path("fixtures", "profiles", "devops-sre-p6.txt")).Split('\n');

    private static ImportResult ImportText(string text) => ProfileImporter.ImportContent("mem.txt", Encoding.UTF8.GetBytes(text));

    [Fact]
    public void ImportContent_EveryLinePrefixOfTheSeed_ParsesOrReportsNoProfile()
    {
        for (var n = 1; n <= SeedLines.Length; n++)
        {
            var result = ImportText(string.Join('\n', SeedLines[..n]));
            // The first known heading is "Focus — ..." on line 5.
            if (n >= 5)
            {
                Assert.True(result.IsSuccess, $"prefix {n}: {result.Error}");
                Assert.All(result.Profile.Layers, l => Assert.False(string.IsNullOrWhiteSpace(l.Text)));
            }
            else
            {
                Assert.Equal(ImportErrorKind.NoProfile, result.Error?.Kind);
            }
        }
    }

    [Fact]
    public void ImportContent_ShuffledSeedLines_NeverFaultsAndKeepsEveryNonBlankLine()
    {
        var random = new Random(20240601);
        for (var round = 0; round < 50; round++)
        {
            var lines = SeedLines.OrderBy(_ => random.Next()).ToArray();
            var result = ImportText(string.Join('\n', lines));
            Assert.NotEqual(ImportErrorKind.ImporterFault, result.Error?.Kind);
            if (result.IsSuccess)
            {
                // Nothing is dropped: every line of the page is in exactly one layer's text.
                var kept = result.Profile.Layers.Sum(l => l.Text.Split('\n').Count(s => s.Length > 0));
                Assert.Equal(lines.Count(s => s.Length > 0), kept);
            }
        }
    }

    [Fact]
    public void ImportContent_RandomBytes_AlwaysAnErrorNeverAnException()
    {
        var random = new Random(7);
        for (var round = 0; round < 200; round++)
        {
            var bytes = new byte[random.Next(1, 512)];
            random.NextBytes(bytes);
            var result = ProfileImporter.ImportContent("random.bin", bytes);
            Assert.False(result.IsSuccess);
            Assert.NotEqual(ImportErrorKind.ImporterFault, result.Error.Kind);
        }
    }
}
