using System.Diagnostics.CodeAnalysis;

namespace ReviewPanel.Profiles;

/// <summary>The outcome of importing one file: either a <see cref="RoleProfile"/> or an <see cref="ImportError"/>.</summary>
public sealed record ImportResult
{
    private ImportResult(string path, RoleProfile? profile, ImportError? error)
    {
        Path = path;
        Profile = profile;
        Error = error;
    }

    /// <summary>The path as given to the importer.</summary>
    public string Path { get; }

    /// <summary>The imported profile, when <see cref="IsSuccess"/>.</summary>
    public RoleProfile? Profile { get; }

    /// <summary>Why the import failed, when not <see cref="IsSuccess"/>.</summary>
    public ImportError? Error { get; }

    [MemberNotNullWhen(true, nameof(Profile))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Profile is not null;

    /// <summary>A successful import; <see cref="Path"/> is the profile's source.</summary>
    public static ImportResult Success(RoleProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new ImportResult(profile.Source, profile, null);
    }

    /// <summary>A failed import. The reason is flattened to one line so logs and tables stay readable.</summary>
    public static ImportResult Failure(string path, ImportErrorKind kind, string reason)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(reason);
        return new ImportResult(path, null, new ImportError(path, kind, OneLine(reason)));
    }

    private static string OneLine(string text)
    {
        var flat = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        // Reasons may quote untrusted input (a JSON parser message); keep them short.
        return flat.Length <= 300 ? flat : string.Concat(flat.AsSpan(0, 297), "...");
    }
}
