using System.CommandLine;
using ReviewPanel.Storage;

namespace ReviewPanel.Cli.Commands;

/// <summary><c>reviewpanel audit verify</c>: walks the history's hash chain and checks it against the checkpoint; exit 0 intact, 1 broken. <c>audit checkpoint</c> writes one.</summary>
public static class AuditCommand
{
    public static Command Create()
    {
        var witness = new Option<string?>("--checkpoint") { Description = "Verify against this checkpoint (an exported copy) instead of the configured one." };
        var verify = new Command("verify", "Walk the whole history's hash chain, name the first broken link, and check it against the newest checkpoint.");
        verify.Options.Add(witness);
        verify.SetAction((parse, ct) => CommandRunner.RunAsync<ChainCheckpoints>(parse, async (checkpoints, stdout, stderr, token) =>
        {
            var (result, problem, anchored, waivers) = await checkpoints.VerifyAsync(parse.GetValue(witness), token).ConfigureAwait(false);
            if (!result.Intact)
            {
                await stdout.WriteLineAsync($"history BROKEN at record {result.FirstBrokenSequence}: {result.Problem} ({result.RecordsChecked} records checked)").ConfigureAwait(false);
                return ExitCodes.Fail;
            }
            if (problem is not null)
            {
                await stdout.WriteLineAsync($"history BROKEN: {problem}").ConfigureAwait(false);
                return ExitCodes.Fail;
            }
            var anchor = anchored ? ", checkpoint matches" : " (no checkpoint configured: a cut tail is not detected)";
            await stdout.WriteLineAsync($"history intact: {result.RecordsChecked} records, hash chain verified{anchor}").ConfigureAwait(false);
            if (!waivers.Intact)
            {
                await stdout.WriteLineAsync($"waivers BROKEN at waiver {waivers.FirstBrokenSequence}: {waivers.Problem} ({waivers.RecordsChecked} waivers checked)").ConfigureAwait(false);
                return ExitCodes.Fail;
            }
            await stdout.WriteLineAsync($"waivers intact: {waivers.RecordsChecked} records, hash chain verified").ConfigureAwait(false);
            return ExitCodes.Pass;
        }, ct));

        var output = new Option<string?>("--out") { Description = "Write the checkpoint to this file (for an outside witness: a CI artefact, a git commit)." };
        var checkpoint = new Command("checkpoint", "Write a checkpoint of the history as it is now (record count and head hash, signed when ReviewPanel:Store:CheckpointKey is set).");
        checkpoint.Options.Add(output);
        checkpoint.SetAction((parse, ct) => CommandRunner.RunAsync<ChainCheckpoints>(parse, async (checkpoints, stdout, stderr, token) =>
        {
            var file = parse.GetValue(output) ?? checkpoints.Path;
            if (file is null)
            {
                await stderr.WriteLineAsync("error: no checkpoint file: pass --out FILE or set ReviewPanel:Store:CheckpointPath").ConfigureAwait(false);
                return ExitCodes.Error;
            }
            ChainCheckpoint? written;
            try
            {
                written = await checkpoints.ExportAsync(file, token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"error: cannot write the checkpoint to {Path.GetFullPath(file)}: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Error;
            }
            if (written is null)
            {
                await stderr.WriteLineAsync("error: the history is empty; there is nothing to checkpoint").ConfigureAwait(false);
                return ExitCodes.Error;
            }
            await stdout.WriteLineAsync($"checkpoint {Path.GetFullPath(file)}: {written.Records} records, head {written.HeadSha256}{(written.Hmac is null ? " (unsigned)" : " (signed)")}").ConfigureAwait(false);
            return ExitCodes.Pass;
        }, ct));

        var audit = new Command("audit", "Audit the recorded history.");
        audit.Subcommands.Add(verify);
        audit.Subcommands.Add(checkpoint);
        audit.Subcommands.Add(AuditAgreementCommand.Create());
        return audit;
    }
}
