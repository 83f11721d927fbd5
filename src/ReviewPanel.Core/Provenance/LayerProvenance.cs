namespace ReviewPanel.Provenance;

/// <summary>Provenance of one layer: its hash, its sources, and every score and finding that cites it.</summary>
public sealed record LayerProvenance(
    string Key,
    string Title,
    string Sha256,
    IReadOnlyList<string> Sources,
    IReadOnlyList<LayerCitation> Citations);
