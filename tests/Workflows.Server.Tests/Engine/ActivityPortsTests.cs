using System.Reflection;
using FocWorkflows.Server.Activities.Deliberation;
using FocWorkflows.Server.Deliberation.Drafts;
using FocWorkflows.Server.Engine.Activities;
using FocWorkflows.Server.Persistence.Deliberation;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FocWorkflows.Server.Tests.Engine;

/// <summary>
/// Activities read through typed ports taken in their constructor, never through a service locator:
/// a guard so that neither an activity nor <see cref="ActivityContext"/> reaches the service provider again.
/// </summary>
public sealed class ActivityPortsTests
{
    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    private static readonly IReadOnlyList<Type> Activities = [.. typeof(IActivity).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(IActivity).IsAssignableFrom(t))];

    /// <summary>The provider itself, a scope factory, or either wrapped (<c>Lazy&lt;IServiceProvider&gt;</c>, <c>Func&lt;...&gt;</c>).</summary>
    private static bool ReachesServices(Type type) =>
        typeof(IServiceProvider).IsAssignableFrom(type) || typeof(IServiceScopeFactory).IsAssignableFrom(type)
        || (type.IsGenericType && type.GetGenericArguments().Any(ReachesServices))
        || (type.HasElementType && ReachesServices(type.GetElementType()!));

    [Fact]
    public void Activities_Constructors_TakeNoServiceProvider()
    {
        Assert.Contains(typeof(DraftActivity), Activities);

        var locators = Activities
            .SelectMany(t => t.GetConstructors(Everything).SelectMany(c => c.GetParameters()).Select(p => (Activity: t, Parameter: p)))
            .Where(x => ReachesServices(x.Parameter.ParameterType))
            .Select(x => $"{x.Activity.Name}({x.Parameter.ParameterType.Name} {x.Parameter.Name})");

        Assert.Empty(locators);
    }

    [Fact]
    public void Activities_Fields_HoldNoServiceProvider()
    {
        var locators = Activities
            .SelectMany(t => t.GetFields(Everything).Where(f => ReachesServices(f.FieldType)).Select(f => $"{t.Name}.{f.Name}"));

        Assert.Empty(locators);
    }

    [Fact]
    public void ActivityContext_HasNoServicesMember()
    {
        Assert.Empty(typeof(ActivityContext).GetMember("Services", Everything));
        var locators = typeof(ActivityContext).GetProperties(Everything).Where(p => ReachesServices(p.PropertyType)).Select(p => p.Name)
            .Concat(typeof(ActivityContext).GetFields(Everything).Where(f => ReachesServices(f.FieldType)).Select(f => f.Name))
            .Concat(typeof(ActivityContext).GetMethods(Everything).Where(m => ReachesServices(m.ReturnType)).Select(m => m.Name))
            .Concat(typeof(ActivityContext).GetConstructors(Everything).SelectMany(c => c.GetParameters())
                .Where(p => ReachesServices(p.ParameterType)).Select(p => $"ctor({p.Name})"));

        Assert.Empty(locators);
    }

    [Fact]
    public void Registry_InTheServer_BuildsEveryActivityWithItsPorts()
    {
        using var app = new TestApp();

        var registry = app.Services.GetRequiredService<ActivityRegistry>();

        Assert.Equal(Activities.Count, registry.All.Count);
        // A port is the store itself, not a second instance of it.
        Assert.Same(app.Services.GetRequiredService<DraftStore>(), app.Services.GetRequiredService<IDraftReads>());
    }
}
