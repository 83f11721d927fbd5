namespace ReviewPanel.Emulator.Wire;

/// <summary>The usual rough token estimate: one token per four characters, rounded up.</summary>
internal static class Tokens
{
    public static int Estimate(int characters) => (characters + 3) / 4;
}
