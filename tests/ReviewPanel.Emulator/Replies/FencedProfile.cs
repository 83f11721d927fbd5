using System.Text.RegularExpressions;

namespace ReviewPanel.Emulator.Replies;

/// <summary>The profile a reviewer fenced into its user message (docs/llm-protocol.md): the text between
/// <c>&lt;&lt;&lt;PROFILE x&gt;&gt;&gt;</c> and <c>&lt;&lt;&lt;END PROFILE x&gt;&gt;&gt;</c>, split at its
/// <c>## layer: key | title</c> lines.</summary>
internal sealed partial class FencedProfile
{
    private FencedProfile(string text, IReadOnlyList<FencedLayer> layers)
    {
        Text = text;
        Layers = layers;
    }

    /// <summary>Everything inside the fence.</summary>
    public string Text { get; }

    public IReadOnlyList<FencedLayer> Layers { get; }

    public static FencedProfile? TryParse(string message)
    {
        var fence = FenceRegex().Match(message);
        if (!fence.Success)
        {
            return null;
        }

        var text = fence.Groups["body"].Value;
        var layers = new List<FencedLayer>();
        var headers = LayerLineRegex().Matches(text);
        for (var i = 0; i < headers.Count; i++)
        {
            var start = headers[i].Index + headers[i].Length;
            var end = i + 1 < headers.Count ? headers[i + 1].Index : text.Length;
            var body = text[start..end].TrimStart('\r', '\n').TrimEnd();
            layers.Add(new FencedLayer(headers[i].Groups["key"].Value.Trim(), headers[i].Groups["title"].Value.Trim(), body));
        }

        return new FencedProfile(text, layers);
    }

    // The boundary is repeated in the closing line, so a profile cannot close the fence early with a forged end.
    [GeneratedRegex(@"<<<PROFILE (?<id>[^>\s]+)>>>\r?\n(?<body>.*?)<<<END PROFILE \k<id>>>>", RegexOptions.Singleline)]
    private static partial Regex FenceRegex();

    [GeneratedRegex(@"^## layer: (?<key>[^|\r\n]+?) \| (?<title>[^\r\n]*)\r?$", RegexOptions.Multiline)]
    private static partial Regex LayerLineRegex();
}
