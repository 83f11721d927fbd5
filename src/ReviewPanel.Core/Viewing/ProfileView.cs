using ReviewPanel.Panel;
using ReviewPanel.Provenance;
using ReviewPanel.Reporting;

namespace ReviewPanel.Viewing;

/// <summary>
/// One profile's recorded report in one run, its score history, and the text of its layers when the source file still
/// holds exactly that version (the history stores hashes, not text); <see cref="LayerText"/> is empty otherwise.
/// </summary>
public sealed record ProfileView(
    ProfileReport Report,
    RunProvenance? Run,
    IReadOnlyList<HistoryPoint> History,
    IReadOnlyDictionary<string, string> LayerText,
    Waivers.EffectiveVerdict? Effective = null);
