namespace ReviewPanel.Storage;

/// <summary>
/// The history store cannot be used (its folder cannot be created, its file was deleted or replaced under this
/// process): an infrastructure fault the user fixes through <see cref="Setting"/>, never a verdict.
/// </summary>
public sealed class StoreUnavailableException(string message, string setting, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The configuration key to change, e.g. <c>ReviewPanel:Store:Path</c>.</summary>
    public string Setting { get; } = setting;
}
