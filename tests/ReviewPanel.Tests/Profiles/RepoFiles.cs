namespace ReviewPanel.Tests.Profiles;

/// <summary>Finds committed fixtures by walking up from the test binaries to the folder holding ReviewPanel.sln.</summary>
internal static class RepoFiles
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    /// <summary>Absolute path of a file under the repository root, e.g. <c>Path("fixtures", "bad", "empty.txt")</c>.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ReviewPanel.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"ReviewPanel.sln not found above {AppContext.BaseDirectory}");
    }
}
