namespace ReviewPanel.Heuristics;

/// <summary>One O*NET-SOC occupation: its 8-digit O*NET code (e.g. <c>15-1244.00</c>), title and description.</summary>
public sealed record SocOccupation(string OnetCode, string Title, string Description)
{
    /// <summary>The 6-digit SOC code, e.g. <c>15-1244</c>.</summary>
    public string Soc => OnetCode.Length >= 7 ? OnetCode[..7] : OnetCode;

    /// <summary>The SOC major group (first two digits), e.g. <c>15</c> for computer and mathematical occupations.</summary>
    public string MajorGroup => OnetCode[..2];
}
