using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Server.Engine.Activities;
using FocWorkflows.Server.Engine.Expressions;
using FocWorkflows.Server.Engine.Running;

namespace FocWorkflows.Server.Engine;

public static class EngineServiceCollectionExtensions
{
    /// <summary>The interpreter, the runtime, the timer worker and every activity in this assembly.</summary>
    public static IServiceCollection AddWorkflowEngine(this IServiceCollection services)
    {
        services.AddOptions<EngineOptions>().BindConfiguration("Engine")
            .Validate(o => o.MaxActivitiesPerBurst > 0, "Engine:MaxActivitiesPerBurst must be above zero.")
            .Validate(o => o.TimerPollInterval > TimeSpan.Zero, "Engine:TimerPollInterval must be above zero.")
            .Validate(o => o.TimerClaimTimeout > TimeSpan.Zero, "Engine:TimerClaimTimeout must be above zero.")
            .Validate(o => o.MaxBurstsPerCommit > 0, "Engine:MaxBurstsPerCommit must be above zero.")
            .Validate(o => o.TimersFiredAtOnce > 0, "Engine:TimersFiredAtOnce must be above zero.")
            .Validate(o => o.JournalCheckInterval > TimeSpan.Zero && o.JournalCheckInterval <= JournalCheckWorker.LongestInterval,
                "Engine:JournalCheckInterval must be above zero and at most 30 days.")
            .ValidateOnStart();
        services.AddExpressions();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IdGenerator>();
        foreach (var type in typeof(EngineServiceCollectionExtensions).Assembly.GetTypes()
                     .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(IActivity).IsAssignableFrom(t)))
            services.AddSingleton(typeof(IActivity), type);
        services.AddSingleton<ActivityRegistry>();
        services.AddSingleton<IActivityCatalog>(sp => sp.GetRequiredService<ActivityRegistry>());
        services.AddSingleton<SettingsBinder>();
        services.AddSingleton<Interpreter>();
        services.AddSingleton<InstanceLocks>();
        services.AddSingleton<InstanceChangeNotifier>();
        services.AddSingleton<CommitPipeline>();
        services.AddSingleton<WorkflowRuntime>();
        services.AddHostedService<TimerWorker>();
        services.AddMetrics();
        services.AddSingleton<JournalMetrics>();
        services.AddHostedService<JournalCheckWorker>();
        return services;
    }
}
