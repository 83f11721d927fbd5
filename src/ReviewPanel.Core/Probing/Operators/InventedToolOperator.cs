using System.Text.RegularExpressions;
using ReviewPanel.Profiles;
using ReviewPanel.Reviewing;

namespace ReviewPanel.Probing.Operators;

/// <summary>
/// Replaces a real tool named in the responsibilities or skills with an invented one, or, when none of the known tools
/// is named, appends an invented certification to a skill. Only a reviewer that knows the field can see it.
/// </summary>
public sealed partial class InventedToolOperator : IMutationOperator
{
    private static readonly string[] InventedTools = ["Apache Quarkflow", "StreamForge DX", "Kubeflare", "Lakemesh Orchestrator", "Terravault Pro"];

    private static readonly string[] InventedCertifications =
    [
        "Holds the Certified Lakehouse Reliability Practitioner (CLRP) credential.",
        "Certified as a Hyperscale Pipeline Architect (HPA-3).",
    ];

    public string Class => "invented-tool";
    public string ExpectedDimension => Dimensions.Accuracy;
    public bool OfflineCovered => false;

    public Mutant? TryMutate(RoleProfile original, SourceDocument source, Random random)
    {
        ArgumentNullException.ThrowIfNull(source);
        var bullets = source.Bullets(LayerKeys.Responsibilities).Concat(source.Bullets(LayerKeys.Skills)).ToList();
        var tools = bullets.SelectMany(l => KnownTool().Matches(l.Text).Select(m => (Offset: l.Offset + m.Index, m.Length, m.Value))).ToList();
        if (tools.Count > 0)
        {
            var (offset, length, value) = tools[random.Next(tools.Count)];
            var invented = Draw.OneOf(random, InventedTools);
            return source.Mutate(this, offset, length, invented, $"{value} replaced by the invented {invented}");
        }
        var skills = source.Bullets(LayerKeys.Skills);
        if (Draw.One(random, skills.Count > 0 ? skills : bullets) is not { } line)
        {
            return null;
        }
        var end = line.Offset + line.Text.TrimEnd().Length;
        return source.Mutate(this, end, 0, " " + Draw.OneOf(random, InventedCertifications), $"invented certification after line {line.Number + 1}");
    }

    [GeneratedRegex(@"\b(?:Apache Kafka|Apache Spark|Apache Airflow|Apache Flink|Kafka|Spark|Airflow|Flink|Snowflake|BigQuery|Kubernetes|Terraform|Prometheus|Grafana|Great Expectations|Ansible|Helm|Datadog|PagerDuty|Jenkins|Argo CD|OpenTelemetry)\b")]
    private static partial Regex KnownTool();
}
