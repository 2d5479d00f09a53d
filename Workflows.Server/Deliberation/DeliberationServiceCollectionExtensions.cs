namespace FocWorkflows.Server.Deliberation;

public static class DeliberationServiceCollectionExtensions
{
    /// <summary>The deliberation stores and services; the activities register with the engine.</summary>
    public static IServiceCollection AddDeliberation(this IServiceCollection services)
    {
        services.AddSingleton<Persistence.DraftStore>();
        services.AddSingleton<Persistence.PublicationStore>();
        return services;
    }
}
