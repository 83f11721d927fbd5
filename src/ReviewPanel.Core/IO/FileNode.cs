using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace ReviewPanel.IO;

/// <summary>What a path names, without opening it.</summary>
public enum FileNodeKind
{
    /// <summary>Nothing there (or a dangling symlink when links are followed).</summary>
    Missing,

    /// <summary>A regular file: the only kind that is ever opened and read.</summary>
    RegularFile,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A symbolic link (only when links are not followed).</summary>
    SymbolicLink,

    /// <summary>A named pipe: opening it for reading blocks until a writer appears.</summary>
    Fifo,

    /// <summary>A character device (a terminal, <c>/dev/zero</c>): may block or never end.</summary>
    CharacterDevice,

    /// <summary>A block device.</summary>
    BlockDevice,

    /// <summary>A Unix domain socket.</summary>
    Socket,

    /// <summary>Exists, but its kind could not be read (permission denied on a parent folder).</summary>
    Unknown,
}

/// <summary>
/// The kind and identity (device and inode) of a path, read with <c>statx(2)</c> on Linux so that a FIFO or a device is
/// recognised before anything opens it, a folder reached through two symlinks is recognised as one, and a file
/// replaced under a running process is noticed. Elsewhere it falls back to managed checks (no identity).
/// </summary>
public readonly record struct FileNode(FileNodeKind Kind, ulong Device, ulong Inode, long Size, int Errno)
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7ff;
    private const int StatxSize = 256;

    private static bool nativeUnavailable = !OperatingSystem.IsLinux();

    /// <summary>True when <see cref="Device"/> and <see cref="Inode"/> identify the file.</summary>
    public bool HasIdentity => Kind != FileNodeKind.Missing && (Device != 0 || Inode != 0);

    /// <summary>Reads what <paramref name="path"/> names; <paramref name="followLinks"/> as <c>stat</c> (true) or <c>lstat</c> (false).</summary>
    public static FileNode Of(string path, bool followLinks = true)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!nativeUnavailable)
        {
            try
            {
                return OfNative(path, followLinks);
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                nativeUnavailable = true;
            }
        }
        return OfManaged(path, followLinks);
    }

    /// <summary>A one-line description of a kind that is not read, for error messages.</summary>
    public static string Describe(FileNodeKind kind) => kind switch
    {
        FileNodeKind.Fifo => "a named pipe (FIFO)",
        FileNodeKind.CharacterDevice => "a character device",
        FileNodeKind.BlockDevice => "a block device",
        FileNodeKind.Socket => "a socket",
        FileNodeKind.Directory => "a folder",
        FileNodeKind.SymbolicLink => "a symbolic link",
        FileNodeKind.Missing => "missing",
        FileNodeKind.RegularFile => "a regular file",
        _ => "of an unknown kind",
    };

    private static FileNode OfNative(string path, bool followLinks)
    {
        var buffer = new byte[StatxSize];
        var rc = Statx(AtFdCwd, path, followLinks ? 0 : AtSymlinkNoFollow, StatxBasicStats, buffer);
        if (rc != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            // ENOENT, ENOTDIR: nothing there; anything else (EACCES on a parent, ELOOP): there, but not readable.
            return new FileNode(errno is 2 or 20 ? FileNodeKind.Missing : FileNodeKind.Unknown, 0, 0, 0, errno);
        }
        var span = buffer.AsSpan();
        var mode = BinaryPrimitives.ReadUInt16LittleEndian(span[28..]);
        var inode = BinaryPrimitives.ReadUInt64LittleEndian(span[32..]);
        var size = BinaryPrimitives.ReadInt64LittleEndian(span[40..]);
        var devMajor = BinaryPrimitives.ReadUInt32LittleEndian(span[136..]);
        var devMinor = BinaryPrimitives.ReadUInt32LittleEndian(span[140..]);
        var kind = (mode & 0xF000) switch
        {
            0x8000 => FileNodeKind.RegularFile,
            0x4000 => FileNodeKind.Directory,
            0xA000 => FileNodeKind.SymbolicLink,
            0x1000 => FileNodeKind.Fifo,
            0x2000 => FileNodeKind.CharacterDevice,
            0x6000 => FileNodeKind.BlockDevice,
            0xC000 => FileNodeKind.Socket,
            _ => FileNodeKind.Unknown,
        };
        return new FileNode(kind, ((ulong)devMajor << 32) | devMinor, inode, size, 0);
    }

    private static FileNode OfManaged(string path, bool followLinks)
    {
        try
        {
            FileSystemInfo info = new FileInfo(path);
            if (!followLinks && info.LinkTarget is not null)
            {
                return new FileNode(FileNodeKind.SymbolicLink, 0, 0, 0, 0);
            }
            if (Directory.Exists(path))
            {
                return new FileNode(FileNodeKind.Directory, 0, 0, 0, 0);
            }
            return File.Exists(path) ? new FileNode(FileNodeKind.RegularFile, 0, 0, ((FileInfo)info).Length, 0) : default;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new FileNode(FileNodeKind.Unknown, 0, 0, 0, 0);
        }
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
}
