using System.Collections;
using System.Text.Json;
using ReviewPanel.Serialization;

namespace ReviewPanel.Panel;

/// <summary>
/// A batch's summaries in source order, collected as reviews finish (in any order). Up to <c>spillAbove</c> profiles
/// they are kept in memory; beyond that (2,000 by default) each one is written to a temporary file as it arrives and read back when the
/// output asks for it, so what a large batch holds per profile is two numbers, not its summary: peak memory stays
/// flat from 10,000 to 100,000 profiles. The file is deleted when the list is disposed or the process ends.
/// </summary>
public sealed class SummaryList : IReadOnlyList<ProfileSummary>, IDisposable
{
    /// <summary>Batches up to this many profiles keep their summaries in memory.</summary>
    public const int DefaultSpillAbove = 2_000;

    // ProfileSummary carries (dimension, finding) pairs: value tuples need their fields serialized.
    private static readonly JsonSerializerOptions Json = new(ReviewPanelJson.Canonical) { IncludeFields = true };

    private readonly ProfileSummary?[]? _inMemory;
    private readonly FileStream? _file;
    private readonly long[]? _offsets;
    private readonly int[]? _lengths;
    private readonly Lock _gate = new();
    private int[] _present = [];

    public SummaryList(int count, int spillAbove = DefaultSpillAbove)
    {
        if (count <= spillAbove)
        {
            _inMemory = new ProfileSummary?[count];
            return;
        }
        var folder = Path.GetTempPath();
        try
        {
            _file = new FileStream(Path.Combine(folder, $"reviewpanel-summaries-{Guid.NewGuid():N}.jsonl"), FileMode.CreateNew,
                FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Before any review starts: nothing is lost, and the message says which folder to fix.
            throw new IOException($"cannot create the batch's summary file in the temporary folder {folder} (TMPDIR): {ex.Message}", ex);
        }
        _offsets = new long[count];
        _lengths = new int[count];
        Array.Fill(_lengths, -1);
    }

    /// <summary>Whether the summaries live in a temporary file (the batch was larger than the in-memory bound).</summary>
    public bool Spilled => _file is not null;

    /// <summary>
    /// What <see cref="Set"/> stores for a summary: the summary itself in memory, else its JSON. Thread-safe, so the
    /// reviews encode in parallel and the one writer that records the batch only appends.
    /// </summary>
    public object Encode(ProfileSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return _inMemory is not null ? summary : JsonSerializer.SerializeToUtf8Bytes(summary, Json);
    }

    /// <summary>Records the summary of source <paramref name="index"/> (one writer).</summary>
    public void Set(int index, ProfileSummary summary) => Set(index, Encode(summary));

    /// <summary>Records what <see cref="Encode"/> made of source <paramref name="index"/>'s summary (one writer).</summary>
    public void Set(int index, object encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        if (_inMemory is not null)
        {
            _inMemory[index] = (ProfileSummary)encoded;
            return;
        }
        var bytes = (byte[])encoded;
        lock (_gate)
        {
            _file!.Seek(0, SeekOrigin.End);
            _offsets![index] = _file.Position;
            _file.Write(bytes);
            _lengths![index] = bytes.Length;
        }
    }

    /// <summary>Whether source <paramref name="index"/> got a summary (a profile never started has none).</summary>
    public bool Has(int index) => _inMemory is not null ? _inMemory[index] is not null : _lengths![index] >= 0;

    /// <summary>Fixes the list to the sources that got a summary, in source order; call once all are set.</summary>
    public SummaryList Complete()
    {
        var count = _inMemory?.Length ?? _lengths!.Length;
        _present = [.. Enumerable.Range(0, count).Where(Has)];
        return this;
    }

    public int Count => _present.Length;

    public ProfileSummary this[int index] => Read(_present[index]);

    public IEnumerator<ProfileSummary> GetEnumerator()
    {
        foreach (var i in _present)
        {
            yield return Read(i);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private ProfileSummary Read(int source)
    {
        if (_inMemory is not null)
        {
            return _inMemory[source]!;
        }
        var buffer = new byte[_lengths![source]];
        lock (_gate)
        {
            _file!.Seek(_offsets![source], SeekOrigin.Begin);
            _file.ReadExactly(buffer);
        }
        return JsonSerializer.Deserialize<ProfileSummary>(buffer, Json) ?? throw new InvalidDataException("an empty summary in the batch's spill file");
    }

    public void Dispose() => _file?.Dispose();
}
