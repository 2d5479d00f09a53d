using Microsoft.EntityFrameworkCore;
using FocWorkflows.Server.Engine;

namespace FocWorkflows.Server.Persistence;

/// <summary>Where and how the server stores its data.</summary>
public sealed class StorageOptions
{
    /// <summary>The folder for the SQLite file; relative paths are under the content root.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary><c>Sqlite</c> (embedded default) or <c>PostgreSql</c> (production).</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>The PostgreSQL connection string, e.g. <c>Host=db;Database=focworkflows;Username=foc;Password=...</c>.</summary>
    public string? ConnectionString { get; set; }

    public bool IsPostgres => string.Equals(Provider, "PostgreSql", StringComparison.OrdinalIgnoreCase);
}

public static class PersistenceServiceCollectionExtensions
{
    public static IServiceCollection AddPersistence(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration("Storage")
            .Validate(o => o.IsPostgres || string.Equals(o.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase),
                "Storage:Provider must be 'Sqlite' or 'PostgreSql'.")
            .Validate(o => o.IsPostgres || !string.IsNullOrWhiteSpace(o.DataFolder), "Storage:DataFolder must name a folder.")
            .Validate(o => !o.IsPostgres || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Storage:ConnectionString is required when Storage:Provider is 'PostgreSql'.")
            .ValidateOnStart();
        services.AddSingleton<IDbContextFactory<WorkflowDbContext>, WorkflowDbContextFactory>();
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContext());
        services.AddSingleton<HotPath.StoreConnections>();
        services.AddSingleton<IWorkflowStore, WorkflowStore>();
        services.AddSingleton<IJournalAudit, EfJournalAudit>();
        services.AddSingleton<DefinitionStore>();
        services.AddSingleton<IPublishedDefinitions>(sp => sp.GetRequiredService<DefinitionStore>());
        services.AddSingleton<InstanceQueries>();
        services.AddSingleton<DirectoryStore>();
        services.AddSingleton<global::FocWorkflows.Server.Deliberation.Directory.IDirectory>(sp => sp.GetRequiredService<DirectoryStore>());
        services.AddSingleton<ITaskForceLookup>(sp => sp.GetRequiredService<DirectoryStore>());
        services.AddHostedService<DatabaseStartup>();
        services.AddHostedService<HotPath.SqliteCheckpointer>();
        services.AddHealthChecks().AddDbContextCheck<WorkflowDbContext>("database", tags: ["ready"]);
        return services;
    }
}
