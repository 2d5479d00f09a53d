using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FocWorkflows.Server.Tests.Infrastructure;

/// <summary>
/// Makes the database fail on demand, in the middle of a transaction: the first command whose SQL
/// matches the armed predicate throws, as a full disk or a killed process would.
/// </summary>
public sealed class FaultInjector : DbCommandInterceptor
{
    private Func<string, bool>? _trigger;

    public int Fired { get; private set; }

    public void FailOn(Func<string, bool> trigger) => _trigger = trigger;

    public void Disarm() => _trigger = null;

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

    private void Check(DbCommand command)
    {
        if (_trigger is { } trigger && trigger(command.CommandText))
        {
            Fired++;
            throw new InvalidOperationException("Injected failure: the database went away mid-transaction.");
        }
    }
}
