using System.Data.Common;
using FocWorkflows.Server.Persistence.HotPath;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FocWorkflows.Server.Tests.Infrastructure;

/// <summary>
/// Makes the database fail on demand, as a full disk or a killed process would: either on the
/// first command whose SQL matches (EF Core's or the engine's plain statements), or at commit, after every statement of the transaction ran.
/// </summary>
public sealed class FaultInjector : DbCommandInterceptor, IDbTransactionInterceptor, IHotPathObserver
{
    private Func<DbCommand, bool>? _trigger;
    private bool _failCommit;

    public int Fired { get; private set; }

    /// <summary>Commands executed while armed, before the failure.</summary>
    public int CommandsWhileArmed { get; private set; }

    public void FailOn(Func<string, bool> trigger) => _trigger = command => trigger(command.CommandText);

    /// <summary>Fails the first command this matches, by its text or its parameters (e.g. one instance's statement).</summary>
    public void FailOnCommand(Func<DbCommand, bool> trigger) => _trigger = trigger;

    public void FailOnCommit() => _failCommit = true;

    public void Disarm()
    {
        _trigger = null;
        _failCommit = false;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (_failCommit) Fail();
        return ValueTask.FromResult(result);
    }

    // The engine's hot path runs plain statements, outside EF Core's interceptors.
    // A statement fails as a database fails one: with a DbException (EF Core wraps its own in a DbUpdateException).
    void IHotPathObserver.Executing(DbCommand command)
    {
        try
        {
            Check(command);
        }
        catch (InvalidOperationException e)
        {
            throw new InjectedDatabaseException(e.Message);
        }
    }

    // The hot path's commit: EF Core's interceptors see it only when the batch ran on a context's transaction, and then
    // this fails it first.
    void IHotPathObserver.Committing()
    {
        if (_failCommit) Fail();
    }

    void IHotPathObserver.Refused(Exception why)
    {
    }

    private void Check(DbCommand command)
    {
        if (_trigger is null && !_failCommit) return;
        if (_trigger is { } trigger && trigger(command)) Fail();
        CommandsWhileArmed++;
    }

    private void Fail()
    {
        Fired++;
        throw new InvalidOperationException("Injected failure: the database went away mid-transaction.");
    }
}

/// <summary>An injected failure of one statement, of the kind a database driver throws.</summary>
public sealed class InjectedDatabaseException(string message) : DbException(message);
