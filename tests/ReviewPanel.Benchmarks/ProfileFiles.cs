namespace ReviewPanel.Benchmarks;

/// <summary>N distinct profiles from one clean fixture: its own code line and one varied bullet, so ids and hashes differ.</summary>
internal static class ProfileFiles
{
    public static async Task<List<string>> WriteAsync(string fixture, string dir, int count)
    {
        var template = await File.ReadAllTextAsync(fixture);
        var code = template.Split('\n')[1];
        var files = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var text = template.Replace(code, $"{code}{i:D6}", StringComparison.Ordinal)
                .Replace("reporting savings per terabyte.", $"reporting savings per terabyte for cluster {i}.", StringComparison.Ordinal);
            var file = Path.Combine(dir, $"p{i:D6}.txt");
            await File.WriteAllTextAsync(file, text);
            files.Add(file);
        }
        return files;
    }
}
