using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReviewPanel.Storage;

/// <summary>
/// A signed tree head, as Certificate Transparency keeps them: the number of records the history had and the hash of
/// the newest, at a time, optionally HMAC-signed. Kept outside the database, it lets an audit see the tail cut off.
/// </summary>
public sealed record ChainCheckpoint(
    [property: JsonPropertyName("records")] long Records,
    [property: JsonPropertyName("head")] string HeadSha256,
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("hmac")] string? Hmac)
{
    [JsonPropertyName("format")]
    public string Format { get; init; } = "reviewpanel-checkpoint-v1";

    /// <summary>The signed text: format, count, head and time, one per line.</summary>
    public string SignedText() => string.Create(CultureInfo.InvariantCulture, $"{Format}\n{Records}\n{HeadSha256}\n{At.UtcDateTime:O}");

    public static string Sign(string text, string key) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(text)));

    public bool SignatureHolds(string key) =>
        Hmac is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hmac), Encoding.ASCII.GetBytes(Sign(SignedText(), key)));

    public string ToJson() => JsonSerializer.Serialize(this);

    /// <exception cref="JsonException">Not a checkpoint.</exception>
    public static ChainCheckpoint Parse(string json) =>
        JsonSerializer.Deserialize<ChainCheckpoint>(json) is { HeadSha256.Length: > 0, Records: >= 0 } checkpoint
            ? checkpoint
            : throw new JsonException("not a ReviewPanel checkpoint");
}
