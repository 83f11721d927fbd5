using ReviewPanel.Provenance;

namespace ReviewPanel.Panel;

/// <summary>A panel ready to review and the run its verdicts are recorded under.</summary>
public sealed record ReviewSession(PanelRunner Panel, RunProvenance Run);
