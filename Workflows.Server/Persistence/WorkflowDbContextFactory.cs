using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace FocWorkflows.Server.Persistence;

/// <summary>
/// Creates the provider's context for every unit of work. The options are built once: SQLite on a
/// file in the data folder (the embedded default), or PostgreSQL from a connection string.
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
            var built = builder.Options;
            _create = () => new PostgresWorkflowDbContext(built);
        }
        else
        {
            var folder = Path.GetFullPath(storage.DataFolder, environment.ContentRootPath);
            Directory.CreateDirectory(folder);
            var builder = new DbContextOptionsBuilder<SqliteWorkflowDbContext>()
                .UseSqlite($"Data Source={Path.Combine(folder, "focworkflows.db")};Pooling=True")
                .AddInterceptors([new SqlitePragmas(), .. interceptors]);
            var built = builder.Options;
            _create = () => new SqliteWorkflowDbContext(built);
        }
    }

    public WorkflowDbContext CreateDbContext() => _create();
}
