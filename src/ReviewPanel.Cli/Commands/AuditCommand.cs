using System.CommandLine;
using ReviewPanel.Audit;

namespace ReviewPanel.Cli.Commands;

/// <summary><c>reviewpanel audit verify</c>: walks the history's hash chain; exit 0 intact, 1 broken.</summary>
public static class AuditCommand
{
    public static Command Create()
    {
        var verify = new Command("verify", "Walk the whole history's hash chain and name the first broken link.");
        verify.SetAction((parse, ct) => CommandRunner.RunAsync<HistoryQueries>(parse, async (history, stdout, stderr, token) =>
        {
            var result = await history.VerifyAsync(token).ConfigureAwait(false);
            if (result.Intact)
            {
                await stdout.WriteLineAsync($"history intact: {result.RecordsChecked} records, hash chain verified").ConfigureAwait(false);
                var waivers = await history.VerifyWaiversAsync(token).ConfigureAwait(false);
                if (waivers.Intact)
                {
                    await stdout.WriteLineAsync($"waivers intact: {waivers.RecordsChecked} records, hash chain verified").ConfigureAwait(false);
                    return ExitCodes.Pass;
                }
                await stdout.WriteLineAsync($"waivers BROKEN at waiver {waivers.FirstBrokenSequence}: {waivers.Problem} ({waivers.RecordsChecked} waivers checked)").ConfigureAwait(false);
                return ExitCodes.Fail;
            }
            await stdout.WriteLineAsync($"history BROKEN at record {result.FirstBrokenSequence}: {result.Problem} ({result.RecordsChecked} records checked)").ConfigureAwait(false);
            return ExitCodes.Fail;
        }, ct));
        var audit = new Command("audit", "Audit the recorded history.");
        audit.Subcommands.Add(verify);
        audit.Subcommands.Add(AuditAgreementCommand.Create());
        return audit;
    }
}
