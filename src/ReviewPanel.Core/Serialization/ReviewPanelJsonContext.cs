using System.Text.Json;
using System.Text.Json.Serialization;
using ReviewPanel.Panel;
using ReviewPanel.Provenance;
using ReviewPanel.Reporting;
using ReviewPanel.Reviewing;
using ReviewPanel.Waivers;

namespace ReviewPanel.Serialization;

/// <summary>
/// Source-generated metadata for the stored and printed contracts (reports, runs, reviews, waivers, the report model
/// and the chain's score maps): no reflection to discover them, trim-safe, and faster on the batch's write path.
/// <see cref="ReviewPanelJson"/> puts it first in its resolver, with the runtime options (camelCase, kebab-case
/// enums, relaxed escaping) on top, so the bytes are those the reflection serializer wrote and the hash chain of an
/// existing history still verifies (a test pins that). Types not listed here (ad hoc anonymous shapes) fall back
/// to reflection.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ProfileReport))]
[JsonSerializable(typeof(RunProvenance))]
[JsonSerializable(typeof(Review))]
[JsonSerializable(typeof(Waiver))]
[JsonSerializable(typeof(ReportModel))]
[JsonSerializable(typeof(Dictionary<string, double?>))]
[JsonSerializable(typeof(SortedDictionary<string, double?>))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
public sealed partial class ReviewPanelJsonContext : JsonSerializerContext;
