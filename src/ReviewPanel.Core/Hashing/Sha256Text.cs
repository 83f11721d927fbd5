using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace ReviewPanel.Hashing;

/// <summary>SHA-256 helpers: lower-case hex of UTF-8 text, and the normalization used for layer hashes and grounding.</summary>
public static class Sha256Text
{
    /// <summary>Lower-case hex SHA-256 of the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Encoded into a pooled buffer: the bytes live only as long as the hash needs them.
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, buffer);
            return Of(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Lower-case hex SHA-256 of raw bytes.</summary>
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
