namespace ReviewPanel.Emulator.Wire;

/// <summary>Which service the route imitates: Azure OpenAI (<c>/openai/deployments/...</c>) or OpenAI (<c>/v1</c>).
/// They differ in error bodies and in Azure's content-filter annotations.</summary>
internal enum WireFlavor
{
    Azure,
    OpenAi,
}
