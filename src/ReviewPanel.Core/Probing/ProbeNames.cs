namespace ReviewPanel.Probing;

/// <summary>
/// How probe runs and mutants are named in the history: a mutant's source is <c>&lt;file&gt;#probe:&lt;class&gt;:&lt;n&gt;</c> and its
/// profile id <c>&lt;original id&gt;#probe:&lt;class&gt;:&lt;n&gt;</c>, so mutants never become versions of the real profile; runs carry
/// <c>probe=originals|mutants</c> in their settings.
/// </summary>
public static class ProbeNames
{
    public const string Marker = "#probe:";
    public const string SettingRole = "probe";
    public const string RoleOriginals = "originals";
    public const string RoleMutants = "mutants";
    public const string SettingVersion = "probe.version";
    public const string SettingSeed = "probe.seed";
    public const string SettingPerClass = "probe.perClass";
    public const string SettingClasses = "probe.classes";
    public const string SettingOriginalsRun = "probe.originalsRun";
    public const string SettingMutants = "probe.mutants";
    public const string SettingUnmutated = "probe.unmutated";

    public static string MutantSource(string originalSource, string mutationClass, int index) =>
        FormattableString.Invariant($"{originalSource}{Marker}{mutationClass}:{index}");

    public static string MutantId(string originalId, string mutationClass, int index) =>
        FormattableString.Invariant($"{originalId}{Marker}{mutationClass}:{index}");

    /// <summary>True for the source or id of a probe mutant.</summary>
    public static bool IsMutant(string sourceOrId) => sourceOrId.Contains(Marker, StringComparison.Ordinal);
}
