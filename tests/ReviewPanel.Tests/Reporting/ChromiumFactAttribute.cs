namespace ReviewPanel.Tests.Reporting;

/// <summary>
/// A fact that needs headless Chromium at <see cref="Path"/>. Without it the test is skipped with the reason, except
/// under CI (<c>CI=true</c>), where it runs and fails: CI must install Chromium, and a silent skip would hide that.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Path = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Path) && !IsCi)
        {
            Skip = $"Chromium not found at {Path}; install it (apt-get install -y chromium) to run the browser check. Under CI=true this test fails instead.";
        }
    }

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
