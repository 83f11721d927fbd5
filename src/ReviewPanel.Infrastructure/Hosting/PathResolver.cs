namespace ReviewPanel.Hosting;

/// <summary>
/// Relative paths of shipped files (prompts, rubric) resolve against the working directory first, then against
/// the folder of the executable, where the build copies them; so the tool works from the repo and installed.
/// </summary>
public static class PathResolver
{
    public static string Resolve(string path)
    {
        if (Path.IsPathRooted(path) || File.Exists(path) || Directory.Exists(path))
        {
            return path;
        }
        var shipped = Path.Combine(AppContext.BaseDirectory, path);
        return File.Exists(shipped) || Directory.Exists(shipped) ? shipped : path;
    }
}
