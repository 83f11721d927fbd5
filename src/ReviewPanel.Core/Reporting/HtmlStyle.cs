namespace ReviewPanel.Reporting;

/// <summary>The HTML report's one inline stylesheet: no web fonts, no external resources.</summary>
internal static class HtmlStyle
{
    public const string Css = """
:root{--fg:#1b1f24;--mut:#57606a;--bd:#d0d7de;--alt:#f6f8fa;--pass:#1a7f37;--fail:#c62828;--err:#9a6700}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif;color:var(--fg);margin:0;background:#fff}
header,main,footer{max-width:1240px;margin:0 auto;padding:0 20px}
header{padding-top:18px;padding-bottom:6px;border-bottom:1px solid var(--bd)}
h1{font-size:22px;margin:0 0 4px}
h2{font-size:17px;margin:22px 0 8px}
h3{font-size:12px;margin:14px 0 6px;text-transform:uppercase;letter-spacing:.05em;color:var(--mut)}
p{margin:4px 0}
a{color:#0550ae}
.meta,.mut{color:var(--mut)}
code{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace;background:var(--alt);padding:0 4px;border-radius:3px}
td code{white-space:nowrap}dd code{word-break:break-all}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin:6px 0 10px}
.card{border:1px solid var(--bd);border-radius:8px;padding:8px 14px;min-width:118px}
.card b{display:block;font-size:24px;line-height:1.2;font-variant-numeric:tabular-nums}
.card span{color:var(--mut);font-size:12px}
.card.pass b{color:var(--pass)}.card.fail b{color:var(--fail)}.card.error b{color:var(--err)}
table{border-collapse:collapse;width:100%;margin:4px 0}
th,td{border:1px solid var(--bd);padding:3px 6px;text-align:left;vertical-align:top}
thead th{background:var(--alt);font-weight:600;font-size:12px}
caption{text-align:left;color:var(--mut);padding:2px 0 6px;font-size:12px}
th[scope=rowgroup]{font-weight:600;background:#fff}
.hm td.s,.grid td.s{text-align:center;font-variant-numeric:tabular-nums;white-space:nowrap;width:78px}
.hm th[scope=row] a{font-weight:600;text-decoration:none}
.hm .t{font-weight:400;font-size:12px;color:var(--mut)}
.hm td.rule{color:var(--fail);font-weight:600;white-space:nowrap}
.s1{background:#f4a3a3}.s2{background:#f8c89e}.s3{background:#fbe4a0}.s4{background:#cde7bb}.s5{background:#a3d898}.s0{background:#eef0f2;color:var(--mut)}
td.f{font-weight:700;box-shadow:inset 0 0 0 2px #b3261e}
.b{display:inline-block;padding:0 7px;border-radius:10px;font-size:11px;font-weight:700;letter-spacing:.03em;white-space:nowrap}
.b.pass{background:#dafbe1;color:#116329}.b.fail{background:#ffebe9;color:#a40e26}.b.error{background:#fff1c2;color:#7a4d00}
.b.ug{background:#eaeef2;color:#57606a;font-weight:600}.b.inj{background:#fbefff;color:#6e2b8a}
.legend{font-size:12px;color:var(--mut)}
.legend span{display:inline-block;padding:0 8px;margin-left:4px;border:1px solid var(--bd);color:var(--fg)}
details{border:1px solid var(--bd);border-radius:8px;margin:8px 0}
summary{cursor:pointer;padding:7px 12px;background:var(--alt);border-radius:8px}
details[open]>summary{border-bottom:1px solid var(--bd);border-radius:8px 8px 0 0}
summary .t{color:var(--mut)}
.body{padding:4px 14px 12px}
.row{display:flex;gap:28px;flex-wrap:wrap;align-items:flex-start}
dl.kv{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:1px 12px;margin:6px 0;max-width:720px}
dl.kv dt{color:var(--mut)}dl.kv dd{margin:0;overflow-wrap:anywhere}
blockquote{margin:3px 0;padding:1px 8px;border-left:3px solid #8c959f;background:#fafbfc;overflow-wrap:anywhere}
blockquote.ug{border-left:3px dashed #afb8c1;color:var(--mut)}
.q small{color:var(--mut)}
ul{margin:4px 0;padding-left:20px}
.err{color:#7a4d00;background:#fff8e1;border:1px solid #f2d48a;border-radius:6px;padding:6px 10px}
figure{margin:6px 0}figcaption{font-size:12px;color:var(--mut)}
svg.ch{display:block;background:#fff;border:1px solid var(--bd);border-radius:6px}
.ch .g{stroke:#eaeef2}.ch .th{stroke:#b3261e;stroke-dasharray:4 3}.ch .ln{fill:none;stroke:#0969da;stroke-width:2}
.ch text{font:10px sans-serif;fill:#57606a}.ch .p{fill:#1a7f37}.ch .n{fill:#c62828}.ch .x{stroke:#9a6700;stroke-width:2}
.w{max-width:820px}
footer{color:var(--mut);font-size:12px;padding:18px 20px 30px}
@media print{
details::details-content{content-visibility:visible;display:block}
body{font-size:11px}header,main,footer{max-width:none;padding:0}
summary{list-style:none}details{break-inside:auto;border-color:#999}
tr,blockquote,figure{break-inside:avoid}
a{color:inherit;text-decoration:none}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
""";
}
