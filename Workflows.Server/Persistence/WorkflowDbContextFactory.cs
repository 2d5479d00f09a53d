using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;

namespace FocWorkflows.Server.Persistence;

/// <summary>
/// Creates the provider's context for every unit of work. The options are built once: SQLite on a
/// file in the data folder (the embedded default), or PostgreSQL from a connection string. Contexts
/// are pooled: a burst's few reads and its commit reuse a reset context instead of building one.
/// </summary>
internal sealed class WorkflowDbContextFactory : IDbContextFactory<WorkflowDbContext>
{
    private readonly Func<WorkflowDbContext> _create;

    public WorkflowDbContextFactory(IOptions<StorageOptions> options, IHostEnvironment environment, IEnumerable<IInterceptor> interceptors)
    {
        var storage = options.Value;
        if (storage.IsPostgres)
        {
            var builder = new DbContextOptionsBuilder<PostgresWorkflowDbContext>()
                .UseNpgsql(storage.ConnectionString)
                .AddInterceptors(interceptors);
            var pool = new PooledDbContextFactory<PostgresWorkflowDbContext>(builder.Options);
            _create = pool.CreateDbContext;
        }
        else
        {
            var folder = Path.GetFullPath(storage.DataFolder, environment.ContentRootPath);
            Directory.CreateDirectory(folder);
            var builder = new DbContextOptionsBuilder<SqliteWorkflowDbContext>()
                .UseSqlite($"Data Source={Path.Combine(folder, "focworkflows.db")};Pooling=True")
                .AddInterceptors([new SqlitePragmas(), .. interceptors]);
            var pool = new PooledDbContextFactory<SqliteWorkflowDbContext>(builder.Options);
            _create = pool.CreateDbContext;
        }
    }

    public WorkflowDbContext CreateDbContext() => _create();
}
