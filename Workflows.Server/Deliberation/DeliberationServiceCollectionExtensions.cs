using FocWorkflows.Server.Deliberation.Approvals;
using FocWorkflows.Server.Deliberation.Consultations;
using FocWorkflows.Server.Deliberation.Drafts;
using FocWorkflows.Server.Deliberation.Publications;
using FocWorkflows.Server.Persistence.Deliberation;

namespace FocWorkflows.Server.Deliberation;

public static class DeliberationServiceCollectionExtensions
{
    /// <summary>
    /// The deliberation stores and services; the activities register with the engine. Each store also
    /// serves, as the same instance, the narrow read ports the activities take in their constructors.
    /// </summary>
    public static IServiceCollection AddDeliberation(this IServiceCollection services)
    {
        services.AddSingleton<ConsultationAccess>();
        services.AddSingleton<InstanceAccess>();
        services.AddSingleton<ConsultationStore>();
        services.AddSingleton<IConsultationReads>(sp => sp.GetRequiredService<ConsultationStore>());
        services.AddSingleton<IDispositionReads>(sp => sp.GetRequiredService<ConsultationStore>());
        services.AddSingleton<CommentWriter>();
        services.AddSingleton<ApprovalStore>();
        services.AddSingleton<IApprovalReads>(sp => sp.GetRequiredService<ApprovalStore>());
        services.AddSingleton<DraftStore>();
        services.AddSingleton<IDraftReads>(sp => sp.GetRequiredService<DraftStore>());
        services.AddSingleton<PublicationStore>();
        services.AddSingleton<IPublicationReads>(sp => sp.GetRequiredService<PublicationStore>());
        services.AddSingleton<AdvisorLinkStore>();
        services.AddSingleton<IAdvisorLinkReads>(sp => sp.GetRequiredService<AdvisorLinkStore>());
        services.AddSingleton<AdvisorLinkRevoking>();
        return services;
    }
}
