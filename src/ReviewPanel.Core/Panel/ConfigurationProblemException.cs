namespace ReviewPanel.Panel;

/// <summary>A setting is missing or wrong in a way the user must fix (a missing endpoint, an unreadable rubric).</summary>
public sealed class ConfigurationProblemException(string message, Exception? inner = null) : Exception(message, inner);
