namespace FocWorkflows.Definitions.Model;

/// <summary>When node <see cref="From"/> completes with <see cref="Outcome"/>, node <see cref="To"/> runs.</summary>
public sealed record Connection(string From, string Outcome, string To);
