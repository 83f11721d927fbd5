using ReviewPanel.Waivers;

namespace ReviewPanel.Storage;

/// <summary>Waivers in the history: appended to their own hash chain, read per profile, verified like the verdicts.</summary>
public interface IWaiverStore
{
    /// <summary>Appends the waiver (its sequence and time are assigned here) and returns it as recorded.</summary>
    Task<Waiver> AddWaiverAsync(Waiver waiver, CancellationToken cancellationToken);

    /// <summary>Every waiver of the profile, oldest first.</summary>
    IAsyncEnumerable<Waiver> GetWaiversAsync(string profileId, CancellationToken cancellationToken);

    /// <summary>Walks the waiver chain: gaps, broken links, rows whose hash or columns no longer match.</summary>
    Task<ChainVerification> VerifyWaiversAsync(CancellationToken cancellationToken);
}
