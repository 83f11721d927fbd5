namespace ReviewPanel.Reviewing.Llm;

/// <summary>
/// The <c>max_tokens</c> a persona's next request reserves. Azure OpenAI charges <c>max_tokens</c> against the
/// deployment's tokens-per-minute on arrival, whatever the reply then uses, so reserving what replies really need is
/// throughput. Until <see cref="WarmUp"/> replies were seen the budget is the schema's cap; then it is the longest
/// reply among the last <see cref="Window"/> plus a quarter, between <see cref="Floor"/> and <see cref="Cap"/>.
/// A reply cut off at <c>max_tokens</c> counts as a cap-long reply: the re-ask that follows, and every request for the
/// next <see cref="Window"/> replies, get the cap again. The reply itself does not depend on <c>max_tokens</c> unless it
/// is cut off, so the budget is not part of a review's settings or cache key.
/// </summary>
public sealed class CompletionBudget
{
    /// <summary>Replies remembered: the budget follows the longest of them.</summary>
    public const int Window = 100;

    /// <summary>Replies seen before the budget leaves the cap.</summary>
    public const int WarmUp = 20;

    private readonly int[] _recent = new int[Window];
    private readonly Lock _gate = new();
    private long _seen;

    public CompletionBudget(int cap)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cap, 1);
        Cap = cap;
        // Never below a third of the cap: a run of terse or empty replies must not starve the next full one.
        Floor = Math.Max(1, cap / 3);
    }

    /// <summary>The schema's reply limit (<see cref="ReviewSchema.ReviewMaxOutputTokens"/>): never exceeded.</summary>
    public int Cap { get; }

    /// <summary>The least the budget reserves.</summary>
    public int Floor { get; }

    /// <summary>The <c>max_tokens</c> to send with the next request.</summary>
    public int Next()
    {
        lock (_gate)
        {
            if (_seen < WarmUp)
            {
                return Cap;
            }
            var longest = 0;
            var remembered = (int)Math.Min(_seen, Window);
            for (var i = 0; i < remembered; i++)
            {
                longest = Math.Max(longest, _recent[i]);
            }
            return Math.Clamp(longest + ((longest + 3) / 4), Floor, Cap);
        }
    }

    /// <summary>Remembers a reply of <paramref name="completionTokens"/>; <paramref name="cutOff"/>: it hit max_tokens.</summary>
    public void Observe(int completionTokens, bool cutOff)
    {
        lock (_gate)
        {
            _recent[_seen % Window] = cutOff ? Cap : Math.Clamp(completionTokens, 0, Cap);
            _seen++;
        }
    }
}
