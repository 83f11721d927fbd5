namespace ReviewPanel.Tests.Cli;

/// <summary>A fact about Unix file types (FIFOs, permission bits as root): skipped, with the reason, where they do not exist.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute(bool needsSetpriv = false)
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "needs Linux";
        }
        else if (needsSetpriv && !File.Exists("/usr/bin/setpriv") && !File.Exists("/bin/setpriv"))
        {
            Skip = "needs setpriv (util-linux) to drop root's permission override";
        }
    }
}
