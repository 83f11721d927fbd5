using ReviewPanel.Reviewing.Llm;

namespace ReviewPanel.Tests.Llm;

public sealed class CompletionBudgetTests
{
    private const int Cap = 540;

    [Fact]
    public void Next_BeforeWarmUp_IsTheCap()
    {
        var budget = new CompletionBudget(Cap);
        Observe(budget, CompletionBudget.WarmUp - 1, 100);

        Assert.Equal(Cap, budget.Next());
    }

    [Fact]
    public void Next_AfterWarmUp_IsTheLongestRecentReplyPlusAQuarter()
    {
        var budget = new CompletionBudget(Cap);
        Observe(budget, CompletionBudget.WarmUp - 1, 200);
        budget.Observe(240, cutOff: false);

        Assert.Equal(300, budget.Next());
    }

    [Fact]
    public void Next_ShortReplies_NeverBelowAThirdOfTheCap()
    {
        var budget = new CompletionBudget(Cap);
        Observe(budget, CompletionBudget.WarmUp, 10);

        Assert.Equal(Cap / 3, budget.Next());
        Assert.Equal(Cap / 3, budget.Floor);
    }

    [Fact]
    public void Next_LongReplies_NeverAboveTheCap()
    {
        var budget = new CompletionBudget(Cap);
        Observe(budget, CompletionBudget.WarmUp, Cap - 10);
        budget.Observe(Cap * 3, cutOff: false);

        Assert.Equal(Cap, budget.Next());
    }

    [Fact]
    public void Next_AfterACutOffReply_IsTheCapForAWholeWindow_ThenFollowsTheRepliesAgain()
    {
        var budget = new CompletionBudget(Cap);
        Observe(budget, CompletionBudget.WarmUp, 200);
        budget.Observe(250, cutOff: true);

        Observe(budget, CompletionBudget.Window - 1, 200);
        Assert.Equal(Cap, budget.Next());

        budget.Observe(200, cutOff: false);
        Assert.Equal(250, budget.Next());
    }

    [Fact]
    public async Task Observe_FromManyThreads_KeepsEveryReplyInTheWindow()
    {
        var budget = new CompletionBudget(Cap);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Observe(budget, 1_000, 100))));
        budget.Observe(400, cutOff: false);

        Assert.Equal(500, budget.Next());
    }

    private static void Observe(CompletionBudget budget, int replies, int tokens)
    {
        for (var i = 0; i < replies; i++)
        {
            budget.Observe(tokens, cutOff: false);
        }
    }
}
