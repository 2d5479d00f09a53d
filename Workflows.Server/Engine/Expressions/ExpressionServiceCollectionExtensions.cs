namespace FocWorkflows.Server.Engine.Expressions;

public static class ExpressionServiceCollectionExtensions
{
    public static IServiceCollection AddExpressions(this IServiceCollection services)
    {
        services.AddOptions<ExpressionLimits>()
            .BindConfiguration(ExpressionLimits.SectionName)
            .Validate(l => l.TimeoutMs > 0, "Expressions:TimeoutMs must be greater than zero.")
            .Validate(l => l.MaxStatements > 0, "Expressions:MaxStatements must be greater than zero.")
            .Validate(l => l.MemoryBytes > 0, "Expressions:MemoryBytes must be greater than zero.")
            .Validate(l => l.RecursionDepth > 0, "Expressions:RecursionDepth must be greater than zero.")
            .ValidateOnStart();
        services.AddSingleton<ScriptEvaluator>();
        services.AddSingleton<TemplateRenderer>();
        return services;
    }
}
