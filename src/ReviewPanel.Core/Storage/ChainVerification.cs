namespace ReviewPanel.Storage;

/// <summary>Result of walking the history's hash chain.</summary>
/// <param name="Intact">True when every record's hash matches its content and links to the one before.</param>
/// <param name="RecordsChecked">How many records were walked.</param>
/// <param name="FirstBrokenSequence">The first record whose hash or link does not hold.</param>
/// <param name="Problem">What is wrong with it, for people.</param>
public sealed record ChainVerification(bool Intact, long RecordsChecked, long? FirstBrokenSequence, string? Problem);
