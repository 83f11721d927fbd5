using ReviewPanel.Profiles;

namespace ReviewPanel.Reviewing;

/// <summary>A reviewer that can say, without calling anything, which model calls reviewing a profile would make.</summary>
public interface ICallEstimator
{
    IReadOnlyList<CallEstimate> EstimateCalls(RoleProfile profile);
}
