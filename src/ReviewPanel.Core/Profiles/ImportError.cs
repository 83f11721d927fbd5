namespace ReviewPanel.Profiles;

/// <summary>A file that could not be imported: its path as given and a one-line reason (never a stack trace).</summary>
public sealed record ImportError(string Path, ImportErrorKind Kind, string Reason)
{
    public override string ToString() => $"{Path}: {Reason}";
}
