using FocWorkflows.Server.Engine.Expressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FocWorkflows.Server.Tests.Engine.Expressions;

public sealed class ExpressionServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddExpressions();
        return services.BuildServiceProvider();
    }

    [Fact]
    public void AddExpressions_ConfigSection_BindsLimitsAndSingletons()
    {
        // Arrange
        using var provider = Build(new() { ["Expressions:TimeoutMs"] = "250" });

        // Act
        var limits = provider.GetRequiredService<IOptions<ExpressionLimits>>().Value;

        // Assert
        Assert.Equal(250, limits.TimeoutMs);
        Assert.Equal(100_000, limits.MaxStatements);
        Assert.Same(provider.GetRequiredService<ScriptEvaluator>(), provider.GetRequiredService<ScriptEvaluator>());
        Assert.Same(provider.GetRequiredService<TemplateRenderer>(), provider.GetRequiredService<TemplateRenderer>());
    }

    [Fact]
    public void AddExpressions_NonPositiveLimit_FailsNamingKey()
    {
        // Arrange
        using var provider = Build(new() { ["Expressions:MaxStatements"] = "0" });

        // Act
        var error = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<IOptions<ExpressionLimits>>().Value);

        // Assert
        Assert.Contains("Expressions:MaxStatements", error.Message);
    }
}
