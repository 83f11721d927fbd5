using System.Globalization;
using Microsoft.Extensions.Configuration;
using ReviewPanel.Panel;

namespace ReviewPanel.Cli.Hosting;

/// <summary>
/// Checks the shape of list settings before they are bound: the configuration binder silently ignores a list given
/// as one string (<c>"RequiredDimensions": "accuracy"</c>) or as an object, so a gate could run without the
/// dimensions the user required. A malformed list is a configuration error instead.
/// </summary>
internal static class ConfigurationShape
{
    private static readonly string[] Lists = ["ReviewPanel:Gate:RequiredDimensions", "ReviewPanel:Worker:FailFileNames"];

    /// <exception cref="ConfigurationProblemException">A list setting is a single value, or has non-index keys or nested values.</exception>
    public static void ThrowIfMalformed(IConfiguration configuration)
    {
        foreach (var key in Lists)
        {
            var section = configuration.GetSection(key);
            var env = key.Replace(":", "__", StringComparison.Ordinal);
            if (!string.IsNullOrEmpty(section.Value))
            {
                throw new ConfigurationProblemException(
                    $"{key} is a list, but is set to the single value '{section.Value}'; use a JSON array in appsettings.json or {env}__0, {env}__1, ... in the environment");
            }
            foreach (var item in section.GetChildren())
            {
                if (!int.TryParse(item.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _) || item.GetChildren().Any())
                {
                    throw new ConfigurationProblemException(
                        $"{key} is a list of strings, but has the entry '{item.Key}'{(item.GetChildren().Any() ? " with nested values" : string.Empty)}; use a JSON array of strings or {env}__0, {env}__1, ...");
                }
            }
        }
    }
}
