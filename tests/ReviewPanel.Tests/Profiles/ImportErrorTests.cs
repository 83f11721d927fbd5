using Microsoft.Extensions.Options;
using ReviewPanel.Profiles;

namespace ReviewPanel.Tests.Profiles;

/// <summary>Bad input never throws: each case is an error result naming the path with a one-line reason.</summary>
public sealed class ImportErrorTests
{
    private static ImportError ImportBad(string path)
    {
        var result = new ProfileImporter().Import(path);
        Assert.False(result.IsSuccess);
        Assert.Null(result.Profile);
        Assert.Equal(path, result.Error.Path);
        Assert.Equal(path, result.Path);
        Assert.DoesNotContain('\n', result.Error.Reason);
        Assert.Contains(path, result.Error.ToString(), StringComparison.Ordinal);
        return result.Error;
    }

    private static string Bad(string name) => RepoFiles.Path("fixtures", "bad", name);

    [Fact]
    public void Import_EmptyFile_ReportsEmpty()
    {
        var error = ImportBad(Bad("empty.txt"));
        Assert.Equal(ImportErrorKind.Empty, error.Kind);
        Assert.Equal("file is empty", error.Reason);
    }

    [Fact]
    public void Import_OnlyBomAndWhitespace_ReportsEmpty()
    {
        using var temp = new TempFolder();
        var error = ImportBad(temp.WriteBytes("blank.txt", [0xEF, 0xBB, 0xBF, (byte)' ', (byte)'\r', (byte)'\n', (byte)'\t']));
        Assert.Equal(ImportErrorKind.Empty, error.Kind);
        Assert.Contains("empty", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_FileWithNulBytes_ReportsBinary()
    {
        var error = ImportBad(Bad("binary.txt"));
        Assert.Equal(ImportErrorKind.Binary, error.Kind);
        Assert.StartsWith("binary data, not text (NUL byte at offset", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_MostlyControlCharactersWithoutNul_ReportsBinary()
    {
        using var temp = new TempFolder();
        byte[] bytes = [.. Enumerable.Range(0, 200).Select(i => (byte)(i % 3 == 0 ? 'a' : 0x01 + (i % 7)))];
        var error = ImportBad(temp.WriteBytes("controls.txt", bytes));
        Assert.Equal(ImportErrorKind.Binary, error.Kind);
        Assert.Contains("control characters", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_InvalidUtf8_ReportsTheByteOffset()
    {
        var error = ImportBad(Bad("invalid-utf8.txt"));
        Assert.Equal(ImportErrorKind.InvalidUtf8, error.Kind);
        // "Caf" then a Latin-1 é (0xE9) at offset 3.
        Assert.Equal("invalid UTF-8 at byte offset 3", error.Reason);
    }

    [Fact]
    public void Import_TextWithoutProfile_ReportsNoRecognizableProfile()
    {
        var error = ImportBad(Bad("no-profile.txt"));
        Assert.Equal(ImportErrorKind.NoProfile, error.Kind);
        Assert.StartsWith("no recognizable profile: no known section heading", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_JsonBreakingTheSchema_NamesTheFieldByJsonPointer()
    {
        var error = ImportBad(Bad("bad-schema.json"));
        Assert.Equal(ImportErrorKind.SchemaViolation, error.Kind);
        Assert.StartsWith("breaks the profile schema at /layers/2/key:", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_MissingPath_ReportsNotFoundWithoutThrowing()
    {
        var missing = Path.Combine(Path.GetTempPath(), "reviewpanel-missing-" + Guid.NewGuid().ToString("N"), "nope.txt");
        var error = ImportBad(missing);
        Assert.Equal(ImportErrorKind.Unreadable, error.Kind);
        Assert.Equal("file not found", error.Reason);
    }

    [Fact]
    public void Import_Folder_ReportsItIsNotAFile()
    {
        using var temp = new TempFolder();
        var error = ImportBad(temp.Path);
        Assert.Equal(ImportErrorKind.Unreadable, error.Kind);
        Assert.Equal("is a folder, not a file", error.Reason);
    }

    [Fact]
    public void Import_FileLargerThanLimit_ReportsTooLarge()
    {
        using var temp = new TempFolder();
        // Valid text, so only the size can reject it: 3 MiB against a 1 MiB limit.
        var big = temp.Write("big.txt", "Big Profile — P3\n" + new string('a', 3 * 1024 * 1024));
        var importer = new ProfileImporter(Options.Create(new ImportOptions { MaxFileBytes = 1024 * 1024 }));

        var result = importer.Import(big);

        Assert.False(result.IsSuccess);
        Assert.Equal(ImportErrorKind.TooLarge, result.Error.Kind);
        Assert.Equal(big, result.Error.Path);
        Assert.Equal("file is larger than the 1048576-byte limit (ReviewPanel:Import:MaxFileBytes)", result.Error.Reason);
    }

    [Fact]
    public void ReadBounded_StreamLargerThanLimit_StopsAfterLimitPlusOneByte()
    {
        using var stream = new CountingStream(length: 3 * 1024 * 1024);

        var content = ProfileImporter.ReadBounded(stream, maxBytes: 1024 * 1024);

        Assert.Null(content);
        Assert.Equal(1024 * 1024 + 1, stream.BytesRead);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(100_000)]
    [InlineData(1024 * 1024)]
    public void ReadBounded_StreamWithinLimit_ReturnsAllBytes(int length)
    {
        using var seekable = new CountingStream(length);
        using var unseekable = new CountingStream(length, canSeek: false);

        Assert.Equal(length, ProfileImporter.ReadBounded(seekable, maxBytes: 1024 * 1024)?.Length);
        Assert.Equal(length, ProfileImporter.ReadBounded(unseekable, maxBytes: 1024 * 1024)?.Length);
    }

    [Fact]
    public void ReadBounded_StreamThatUnderstatesItsLength_IsStillBounded()
    {
        using var stream = new CountingStream(length: 5000, reportedLength: 10);

        Assert.Null(ProfileImporter.ReadBounded(stream, maxBytes: 1000));
        Assert.Equal(1001, stream.BytesRead);
    }

    /// <summary>A stream of 'a' bytes that counts what was read from it, and can misreport its length.</summary>
    private sealed class CountingStream(long length, bool canSeek = true, long? reportedLength = null) : Stream
    {
        private long _position;

        public long BytesRead { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => canSeek;
        public override bool CanWrite => false;
        public override long Length => canSeek ? reportedLength ?? length : throw new NotSupportedException();

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            buffer.AsSpan(offset, n).Fill((byte)'a');
            _position += n;
            BytesRead += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
