namespace ReviewPanel.Panel;

/// <summary>The run stopped taking new work at its <c>--max-cost</c>; what was done is recorded (exit code 2, "could not judge" the rest).</summary>
public sealed class CostLimitReachedException(string message) : Exception(message);
