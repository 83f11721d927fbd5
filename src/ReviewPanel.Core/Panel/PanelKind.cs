namespace ReviewPanel.Panel;

/// <summary>Which reviewers sit on the panel: offline heuristics (the default, free), LLM personas, or both.</summary>
public enum PanelKind
{
    Offline,
    Llm,
    All,
}
