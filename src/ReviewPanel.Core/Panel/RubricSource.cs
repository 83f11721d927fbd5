using Microsoft.Extensions.Options;
using ReviewPanel.Reviewing.Llm;

namespace ReviewPanel.Panel;

/// <summary>
/// The rubric every reviewer judges by (<see cref="PanelOptions.RubricPath"/>), read once. Offline runs record its hash
/// too. An unreadable file is a configuration problem naming the path.
/// </summary>
public sealed class RubricSource(IOptions<PanelOptions> options)
{
    private readonly Lazy<RubricDocument> _rubric = new(() => Load(options.Value.RubricPath));

    public RubricDocument Rubric => _rubric.Value;

    private static RubricDocument Load(string path)
    {
        try
        {
            return RubricDocument.Load(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new ConfigurationProblemException($"cannot read the rubric '{path}' (ReviewPanel:Panel:RubricPath): {ex.Message}", ex);
        }
    }
}
