using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReviewPanel.Probing;

/// <summary>Source-generated JSON for probe reports, drift and the probe metadata recorded in run settings (camelCase).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ProbeReport))]
[JsonSerializable(typeof(ProbeDrift))]
[JsonSerializable(typeof(List<Mutant>))]
[JsonSerializable(typeof(List<ProbeClassDeclaration>))]
[JsonSerializable(typeof(List<ProbeUnmutated>))]
public sealed partial class ProbeJsonContext : JsonSerializerContext
{
    /// <summary>The same contract without indentation: what is stored in run settings, where every byte is kept forever.</summary>
    public static ProbeJsonContext Compact { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    });
}
