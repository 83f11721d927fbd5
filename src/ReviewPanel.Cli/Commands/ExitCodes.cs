namespace ReviewPanel.Cli.Commands;

/// <summary>0: all passed; 1: something failed the gate; 2: something could not be judged (bad input, errors, usage).</summary>
public static class ExitCodes
{
    public const int Pass = 0;
    public const int Fail = 1;
    public const int Error = 2;
}
