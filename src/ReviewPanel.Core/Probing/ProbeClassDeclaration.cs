namespace ReviewPanel.Probing;

/// <summary>A defect class as the probe run declared it (recorded with the run, so old runs keep their own declaration).</summary>
public sealed record ProbeClassDeclaration(string Class, string ExpectedDimension, bool OfflineCovered);
