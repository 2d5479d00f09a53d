using FocWorkflows.Server.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace FocWorkflows.Server.Integrations.Graph;

public static class GraphServiceCollectionExtensions
{
    /// <summary>The outbox dispatcher with the Graph gateway (when configured) or the local drop, and advisor links.</summary>
    public static IServiceCollection AddGraphIntegration(this IServiceCollection services)
    {
        services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GraphOptions>, GraphOptionsValidation>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<OutboxComposer>();
        services.AddSingleton<IMailCalendarGateway>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<GraphOptions>>().Value;
            var time = sp.GetRequiredService<TimeProvider>();
            return options.IsConfigured
                ? new GraphGateway(GraphClientBuilder.Create(options, time), time)
                : ActivatorUtilities.CreateInstance<LocalDropGateway>(sp);
        });
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());

        // Advisor links must survive a restart: keep the signing keys beside the database.
        services.AddDataProtection().SetApplicationName("FocWorkflows");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<StorageOptions>, IHostEnvironment, ILoggerFactory>((o, storage, host, logs) =>
            o.XmlRepository = new FileSystemXmlRepository(
                new DirectoryInfo(Path.Combine(Path.GetFullPath(storage.Value.DataFolder, host.ContentRootPath), "keys")), logs));
        services.AddSingleton<AdvisorLinks>();
        services.AddSingleton<AdvisorLinkGate>();
        services.AddHttpContextAccessor(); // the advisor's page records the address of each use of a link
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, AdvisorLinkAuthenticationHandler>(AdvisorLinkAuthenticationHandler.SchemeName, null);
        return services;
    }
}
