using ReviewPanel.Provenance;

namespace ReviewPanel.Storage;

/// <summary>One run with how many of its verdicts passed, failed or errored.</summary>
public sealed record RunListing(RunProvenance Run, int Passed, int Failed, int Errors)
{
    public int Total => Passed + Failed + Errors;
}
