namespace FocWorkflows.Server.UseCases;

public static class UseCasesServiceCollectionExtensions
{
    /// <summary>What people do, one class each; the API's endpoints and the Designer's ports both call these.</summary>
    public static IServiceCollection AddUseCases(this IServiceCollection services)
    {
        services.AddSingleton<SteeringRights>();
        services.AddSingleton<SubmitDraft>();
        services.AddSingleton<RespondToRound>();
        services.AddSingleton<DisposeComment>();
        services.AddSingleton<ExtendDeadline>();
        services.AddSingleton<CloseEarly>();
        services.AddSingleton<WithdrawFromRound>();
        services.AddSingleton<CompleteTask>();
        services.AddSingleton<StartInstance>();
        return services;
    }
}
