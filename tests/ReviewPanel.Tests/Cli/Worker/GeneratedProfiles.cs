using System.Globalization;
using ReviewPanel.Tests.Profiles;

namespace ReviewPanel.Tests.Cli.Worker;

/// <summary>Many distinct drafts from one fixture: the code line (the profile id) is numbered, the rest is the fixture's text.</summary>
internal static class GeneratedProfiles
{
    public static IReadOnlyList<string> Write(string folder, int count, string fixture = "data-platform-p4.txt", string prefix = "DATA.GEN")
    {
        Directory.CreateDirectory(folder);
        var lines = File.ReadAllLines(RepoFiles.Path("fixtures", "profiles", fixture));
        var level = lines[1][lines[1].LastIndexOf('.')..];
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"{prefix}{i:D4}{level}");
            lines[1] = id;
            File.WriteAllLines(Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"profile-{i:D4}.txt")), lines);
            ids.Add(id);
        }
        return ids;
    }
}
