namespace ReviewPanel.Emulator.Replies;

/// <summary>A (layer, quote) pair to place in an <c>evidence</c> or <c>injections</c> item.</summary>
internal sealed record QuoteRef(string Layer, string Quote);
