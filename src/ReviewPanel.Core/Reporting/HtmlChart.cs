using System.Text;
using static ReviewPanel.Reporting.ReportText;

namespace ReviewPanel.Reporting;

/// <summary>A small inline-SVG line chart of a profile's minimum score over runs, with the pass line dashed.</summary>
internal static class HtmlChart
{
    private const int Width = 300, Height = 92, Left = 24, Right = 10, Top = 8, Bottom = 18;

    public static string Render(IReadOnlyList<HistoryPoint> points, double threshold)
    {
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        double Y(double s) => Top + ((5 - Math.Clamp(s, 1, 5)) / 4 * plotH);
        double X(int i) => points.Count == 1 ? Left + (plotW / 2.0) : Left + (i * (double)plotW / (points.Count - 1));

        var label = points.Count == 0
            ? "No history"
            : $"Minimum score over {points.Count} run{(points.Count == 1 ? "" : "s")}: " + string.Join(", ", points.Select(p => p.Minimum is double m ? Score(m) : "error"));
        var sb = new StringBuilder(1024);
        sb.Append(Inv, $"<svg class=\"ch\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Html(label)}\">");
        for (var s = 1; s <= 5; s++)
        {
            sb.Append(Inv, $"<line class=\"g\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(s):0.#}\" y2=\"{Y(s):0.#}\"/>");
            sb.Append(Inv, $"<text x=\"{Left - 6}\" y=\"{Y(s) + 3:0.#}\" text-anchor=\"end\">{s}</text>");
        }
        sb.Append(Inv, $"<line class=\"th\" x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(threshold):0.#}\" y2=\"{Y(threshold):0.#}\"/>");

        // The line breaks at errors: an error is not a score of zero, and joining across it would invent one.
        var path = new StringBuilder();
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].Minimum is not double m)
            {
                if (path.Length > 0)
                {
                    sb.Append(Inv, $"<polyline class=\"ln\" points=\"{path}\"/>");
                    path.Clear();
                }
                continue;
            }
            path.Append(Inv, $"{X(i):0.#},{Y(m):0.#} ");
        }
        if (path.Length > 0)
        {
            sb.Append(Inv, $"<polyline class=\"ln\" points=\"{path}\"/>");
        }

        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var tip = $"<title>{Html(p.RunId)} · {Time(p.Time)} · minimum {(p.Minimum is double v ? Score(v) : "error")}</title>";
            if (p.Minimum is double m)
            {
                var r = i == points.Count - 1 ? 4.5 : 3;
                sb.Append(Inv, $"<circle class=\"{(m >= threshold ? "p" : "n")}\" cx=\"{X(i):0.#}\" cy=\"{Y(m):0.#}\" r=\"{r}\">{tip}</circle>");
            }
            else
            {
                var (x, y) = (X(i), Y(1) + 7);
                sb.Append(Inv, $"<g class=\"x\"><line x1=\"{x - 3:0.#}\" y1=\"{y - 3:0.#}\" x2=\"{x + 3:0.#}\" y2=\"{y + 3:0.#}\"/><line x1=\"{x - 3:0.#}\" y1=\"{y + 3:0.#}\" x2=\"{x + 3:0.#}\" y2=\"{y - 3:0.#}\"/>{tip}</g>");
            }
        }
        sb.Append("</svg>");
        return sb.ToString();
    }
}
