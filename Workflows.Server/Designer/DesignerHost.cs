using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Designer;
using FocWorkflows.Designer.Ports;
using FocWorkflows.Server.Persistence;

namespace FocWorkflows.Server.Designer;

/// <summary>The server's side of the designer's port.</summary>
internal sealed class DesignerBackend(DefinitionStore definitions, IActivityCatalog catalog) : IDesignerBackend
{
    public IActivityCatalog Catalog => catalog;

    public async Task<IReadOnlyList<DefinitionListItem>> ListDefinitionsAsync(CancellationToken ct) =>
        [.. (await definitions.ListAsync(ct)).Select(d => new DefinitionListItem(d.Id, d.Name, d.LatestVersion, d.HasDraft, d.UpdatedAt))];
}

public static class DesignerHost
{
    public static IServiceCollection AddDesignerHost(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddSingleton<IDesignerBackend, DesignerBackend>();
        services.AddSingleton<ISessionPort, SessionPort>();
        services.AddSingleton<IOutboxPort, OutboxPort>();
        services.AddSingleton<IAdvisorConsultationPort, AdvisorConsultationPort>();
        services.AddSingleton<IInstancesPort, InstancesPort>();
        services.AddSingleton<IInstanceChanges, InstanceChangesPort>();
        services.AddSingleton<IApprovalsPort, ApprovalsPort>();
        services.AddSingleton<IDraftsPort, DraftsPort>();
        services.AddSingleton<IDispositionsPort, DispositionsPort>();
        services.AddScoped<IDefinitionEditingPort, DefinitionEditingPort>();
        services.AddScoped<IDefinitionVersionsPort, DefinitionVersionsPort>();
        return services;
    }

    /// <summary>Serves the designer at the site root, from the same origin as the API.</summary>
    public static WebApplication MapDesigner(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
