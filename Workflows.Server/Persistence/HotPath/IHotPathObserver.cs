using System.Data.Common;

namespace FocWorkflows.Server.Persistence.HotPath;

/// <summary>
/// Sees the hot path's plain statements as EF Core's interceptors see a context's commands, so what observes or
/// faults the database (tracing, the tests' injected failures) sees both. A batch's commit is EF Core's own
/// transaction, seen by its interceptors. None is registered by default.
/// </summary>
public interface IHotPathObserver
{
    /// <summary>Before a statement runs; throwing fails it as the database would.</summary>
    void Executing(DbCommand command);

    /// <summary>A burst was left out of its batch (a stamp conflict, a reused key, a constraint).</summary>
    void Refused(Exception why);
}
