namespace ReviewPanel.Probing;

/// <summary>
/// Two probe runs compared class by class: which classes a prompt, model or heuristic change made the panel blind to
/// (<see cref="Lost"/>) and which it now catches. Classes in only one run are listed with a null recall on the other side.
/// </summary>
public sealed record ProbeDrift(string BeforeRunId, string AfterRunId, string PanelBefore, string PanelAfter, IReadOnlyList<ProbeClassDrift> Classes)
{
    public IReadOnlyList<string> Lost => [.. Classes.Where(c => c.Lost).Select(c => c.Class)];

    public static ProbeDrift Compare(ProbeReport before, ProbeReport after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var names = before.Classes.Select(c => c.Class).Concat(after.Classes.Select(c => c.Class)).Distinct(StringComparer.Ordinal);
        var classes = names.Select(name =>
        {
            var a = before.Classes.FirstOrDefault(c => c.Class == name);
            var b = after.Classes.FirstOrDefault(c => c.Class == name);
            var reviewers = (a?.Reviewers ?? []).Select(r => r.Reviewer).Concat((b?.Reviewers ?? []).Select(r => r.Reviewer)).Distinct(StringComparer.Ordinal)
                .Select(r => new ProbeReviewerDrift(r,
                    a?.Reviewers.FirstOrDefault(x => x.Reviewer == r)?.DetectionRate,
                    b?.Reviewers.FirstOrDefault(x => x.Reviewer == r)?.DetectionRate))
                .ToList();
            var lost = a?.Recall is { } ra && b?.Recall is { } rb && rb < ra - 1e-9;
            var gained = a?.Recall is { } ga && b?.Recall is { } gb && gb > ga + 1e-9;
            return new ProbeClassDrift(name, (a ?? b)!.ExpectedDimension, a?.Recall, b?.Recall, a?.Mutants ?? 0, b?.Mutants ?? 0, lost, gained, reviewers);
        }).ToList();
        return new ProbeDrift(before.ProbeRunId, after.ProbeRunId, before.Panel, after.Panel, classes);
    }
}
