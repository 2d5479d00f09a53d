namespace FocWorkflows.Designer.Ports;

/// <summary>A step's new deadline (a moment with its offset) and why it moves; the reason is journaled.</summary>
public sealed record DeadlineExtension(DateTimeOffset Until, string Reason);

/// <summary>
/// Someone the secretariat may act for on a page: a diplomat of a round, a pen-holder.
/// <paramref name="Pending"/> marks those who still have to act, offered first.
/// </summary>
public sealed record OnBehalfOption(string Email, string Label, bool Pending);
