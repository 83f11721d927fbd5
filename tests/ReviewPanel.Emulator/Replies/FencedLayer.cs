namespace ReviewPanel.Emulator.Replies;

/// <summary>One layer of a fenced profile: key and title from its <c>## layer:</c> line, then its text verbatim.</summary>
internal sealed record FencedLayer(string Key, string Title, string Text);
