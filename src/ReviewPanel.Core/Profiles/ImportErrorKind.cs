namespace ReviewPanel.Profiles;

/// <summary>Why a file could not be imported. The human-readable detail is in <see cref="ImportError.Reason"/>.</summary>
public enum ImportErrorKind
{
    /// <summary>The path does not exist, is a folder, or could not be opened.</summary>
    Unreadable,
    /// <summary>The file has no content (zero bytes, only a BOM, or only whitespace).</summary>
    Empty,
    /// <summary>The file is binary data (NUL bytes or mostly control characters).</summary>
    Binary,
    /// <summary>The bytes are not valid UTF-8.</summary>
    InvalidUtf8,
    /// <summary>The file is larger than <see cref="ImportOptions.MaxFileBytes"/>.</summary>
    TooLarge,
    /// <summary>Text in which no role profile could be recognized.</summary>
    NoProfile,
    /// <summary>The file looks like JSON but does not parse.</summary>
    InvalidJson,
    /// <summary>JSON that breaks the profile schema.</summary>
    SchemaViolation,
    /// <summary>The importer itself failed on this input (a defect); the reason names the exception type.</summary>
    ImporterFault,
}
