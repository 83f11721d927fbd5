namespace ReviewPanel.Benchmarks;

internal static class Root
{
    /// <summary>The repository root: the first ancestor of the binary holding ReviewPanel.sln.</summary>
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ReviewPanel.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("ReviewPanel.sln not found");
    }
}
