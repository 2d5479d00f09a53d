namespace FocWorkflows.Server.Tests.Infrastructure;

/// <summary>
/// A suite that must hold on both databases. Each test gets a fresh <see cref="App"/> on a SQLite file;
/// the suite's PostgreSQL twin (Persistence/PostgreSql/PostgresSuites.cs) derives from it, overrides
/// <see cref="OnPostgres"/>, and so runs the same tests on a fresh PostgreSQL database.
/// </summary>
public abstract class DatabaseSuite : IDisposable
{
    /// <param name="standardWorkflows">Publish the standard FOC workflows at start, as the product does.</param>
    /// <param name="time">Another clock than the fake one (e.g. <see cref="TimeProvider.System"/>), usually with <paramref name="timerWorker"/>.</param>
    protected DatabaseSuite(bool standardWorkflows = false, TimeProvider? time = null, bool timerWorker = false) =>
        App = OnPostgres
            ? TestApp.OnPostgres(standardWorkflows, time, timerWorker)
            : new TestApp(standardWorkflows: standardWorkflows, time: time, timerWorker: timerWorker);

    /// <summary>True in a PostgreSQL twin (read in the constructor: an override must be a constant).</summary>
    protected virtual bool OnPostgres => false;

    protected TestApp App { get; }

    public void Dispose()
    {
        App.Dispose();
        GC.SuppressFinalize(this);
    }
}
