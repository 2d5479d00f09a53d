namespace FocWorkflows.Server.Deliberation;

public static class DeliberationServiceCollectionExtensions
{
    /// <summary>The deliberation stores and services; the activities register with the engine.</summary>
    public static IServiceCollection AddDeliberation(this IServiceCollection services)
    {
        services.AddSingleton<Consultations.ConsultationAccess>();
        services.AddSingleton<Persistence.Deliberation.ConsultationStore>();
        services.AddSingleton<Persistence.Deliberation.CommentWriter>();
        return services;
    }
}
