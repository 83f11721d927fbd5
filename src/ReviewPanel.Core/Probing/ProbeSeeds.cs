using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ReviewPanel.Probing;

/// <summary>
/// Each mutant's seed, from the run's seed, the class, the original's content hash and the mutant's index: the same
/// inputs give the same mutants on any machine, wherever the file lives (no <c>string.GetHashCode</c>, which varies per process).
/// </summary>
public static class ProbeSeeds
{
    public static int Derive(int seed, string mutationClass, string originalVersionHash, int index)
    {
        var material = FormattableString.Invariant($"{seed}\n{mutationClass}\n{originalVersionHash}\n{index}");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(material));
        return BinaryPrimitives.ReadInt32LittleEndian(hash) & int.MaxValue;
    }
}
