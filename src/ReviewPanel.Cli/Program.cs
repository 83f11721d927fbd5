using ReviewPanel.Cli.Commands;

return await ReviewPanelCommandLine.InvokeAsync(args).ConfigureAwait(false);
