using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using FocWorkflows.Server.Engine;

namespace FocWorkflows.Server.Persistence;

/// <summary>Where and how the server stores its data.</summary>
public sealed class StorageOptions
{
    /// <summary>The folder for the SQLite file; relative paths are under the content root.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>Only <c>Sqlite</c> for now; PostgreSQL is planned with its own migrations.</summary>
    public string Provider { get; set; } = "Sqlite";
}

public static class PersistenceServiceCollectionExtensions
{
    public static IServiceCollection AddPersistence(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration("Storage")
            .Validate(o => string.Equals(o.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase),
                "Storage:Provider must be 'Sqlite' (the only provider this build supports).")
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataFolder), "Storage:DataFolder must name a folder.")
            .ValidateOnStart();
        services.AddDbContextFactory<WorkflowDbContext>((sp, options) =>
        {
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var folder = Path.GetFullPath(storage.DataFolder, sp.GetRequiredService<IHostEnvironment>().ContentRootPath);
            Directory.CreateDirectory(folder);
            options.UseSqlite($"Data Source={Path.Combine(folder, "focworkflows.db")};Pooling=True");
            options.AddInterceptors([new SqlitePragmas(), .. sp.GetServices<IInterceptor>()]);
        });
        services.AddSingleton<IWorkflowStore, EfWorkflowStore>();
        services.AddSingleton<DefinitionStore>();
        services.AddSingleton<IPublishedDefinitions>(sp => sp.GetRequiredService<DefinitionStore>());
        services.AddSingleton<InstanceQueries>();
        services.AddSingleton<Server.Deliberation.Directory.IDirectory, DirectoryStore>();
        services.AddHostedService<DatabaseStartup>();
        services.AddHealthChecks().AddDbContextCheck<WorkflowDbContext>("database", tags: ["ready"]);
        return services;
    }
}
