namespace FocWorkflows.Server.Persistence;

/// <summary>
/// The database refused or failed a write (locked, gone, a constraint): nothing was stored. Callers outside Persistence
/// catch this, not the provider's exceptions, and tell the person their work is still with them.
/// </summary>
public sealed class StoreWriteFailedException(string message, Exception inner) : Exception(message, inner);
