namespace ReviewPanel.Probing;

/// <summary>One line of a source text: where it starts and its text without the line end.</summary>
public readonly record struct SourceLine(int Number, int Offset, string Text)
{
    public int End => Offset + Text.Length;
}
