using System.Data.Common;

namespace FocWorkflows.Server.Persistence.HotPath;

/// <summary>
/// Sees the hot path's plain statements as EF Core's interceptors see a context's commands, so what observes or
/// faults the database (tracing, the tests' injected failures) sees both. None is registered by default.
/// </summary>
public interface IHotPathObserver
{
    /// <summary>Before a statement runs; throwing fails it as the database would.</summary>
    void Executing(DbCommand command);

    /// <summary>Before a batch's transaction commits; throwing fails the commit.</summary>
    void Committing();

    /// <summary>A burst was left out of its batch (a stamp conflict, a reused key, a constraint).</summary>
    void Refused(Exception why);
}
