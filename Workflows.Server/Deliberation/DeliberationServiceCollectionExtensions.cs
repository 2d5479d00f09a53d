using FocWorkflows.Server.Persistence.Deliberation;

namespace FocWorkflows.Server.Deliberation;

public static class DeliberationServiceCollectionExtensions
{
    /// <summary>The deliberation stores and services; the activities register with the engine.</summary>
    public static IServiceCollection AddDeliberation(this IServiceCollection services)
    {
        services.AddSingleton<Consultations.ConsultationAccess>();
        services.AddSingleton<InstanceAccess>();
        services.AddSingleton<ConsultationStore>();
        services.AddSingleton<CommentWriter>();
        services.AddSingleton<ApprovalStore>();
        services.AddSingleton<DraftStore>();
        services.AddSingleton<PublicationStore>();
        services.AddSingleton<AdvisorLinkStore>();
        services.AddSingleton<Consultations.AdvisorLinkRevoking>();
        return services;
    }
}
