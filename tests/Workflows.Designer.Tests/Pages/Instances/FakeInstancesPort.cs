using System.Security.Claims;
using System.Text.Json.Nodes;
using Bunit;
using FocWorkflows.Designer.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace FocWorkflows.Designer.Tests.Pages.Instances;

/// <summary>The instances port as the pages see it: canned answers, and what they were asked.</summary>
internal sealed class FakeInstancesPort : IInstancesPort
{
    public LaunchForm? Form { get; set; }
    public CommandResult LaunchAnswer { get; set; } = CommandResult.Done("i-1");
    public JsonObject? LaunchedWith { get; private set; }
    public InstanceView? Instance { get; set; }
    public IReadOnlyList<InboxTask> Tasks { get; set; } = [];
    public string TimeZone { get; set; } = "Europe/Tallinn";
    public FakeInstanceChanges Changes { get; } = new();

    public Task<Viewer> ViewerAsync(string email, IReadOnlyList<string> roles, CancellationToken ct) => Task.FromResult(new Viewer(email, roles, TimeZone));
    public Task<LaunchForm?> LaunchFormAsync(string definitionId, CancellationToken ct) => Task.FromResult(Form);

    public Task<CommandResult> LaunchAsync(string definitionId, JsonObject input, string actor, CancellationToken ct)
    {
        LaunchedWith = input;
        return Task.FromResult(LaunchAnswer);
    }

    public Task<IReadOnlyList<TaskForceOption>> TaskForcesAsync(CancellationToken ct) => Task.FromResult(Form?.TaskForces ?? []);
    public IReadOnlyList<InstanceListItem> Listed { get; set; } = [];

    public Task<(IReadOnlyList<InstanceListItem> Items, int Total)> ListAsync(InstanceFilterQuery filter, string viewerEmail, CancellationToken ct) =>
        Task.FromResult<(IReadOnlyList<InstanceListItem>, int)>((Listed, Listed.Count));
    public Task<Seen<InstanceView>> GetAsync(string id, string viewerEmail, CancellationToken ct) => Task.FromResult(Seen<InstanceView>.Of(Instance));
    public CommandResult? CommandAnswer { get; set; }
    public List<string> Commands { get; } = [];

    public Task<CommandResult> CancelAsync(string id, string reason, string actor, CancellationToken ct)
    {
        Commands.Add($"cancel {id} by {actor}: {reason}");
        return Task.FromResult(CommandAnswer ?? CommandResult.Done(id));
    }

    public Task<CommandResult> RetryAsync(string id, string actor, CancellationToken ct)
    {
        Commands.Add($"retry {id} by {actor}");
        return Task.FromResult(CommandAnswer ?? CommandResult.Done(id));
    }
    public Task<IReadOnlyList<InboxTask>> InboxAsync(Viewer viewer, CancellationToken ct) => Task.FromResult(Tasks);
    public Task<CommandResult> CompleteTaskAsync(string taskId, string? action, JsonObject data, string actor, CancellationToken ct) =>
        Task.FromResult(CommandResult.Done("i-1"));
}

/// <summary>A clock stopped at a known moment.</summary>
internal sealed class StoppedClock(DateTimeOffset now) : TimeProvider
{
    public static readonly DateTimeOffset Epoch = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>No form was posted: what a FormMappingScope needs outside a server.</summary>
internal sealed class NoPostedForm : Microsoft.AspNetCore.Components.Forms.Mapping.IFormValueMapper
{
    public bool CanMap(Type valueType, string scopeName, string? formName) => false;

    public void Map(Microsoft.AspNetCore.Components.Forms.Mapping.FormValueMappingContext context) { }
}

internal static class PageServices
{
    /// <summary>Registers the fake ports, a stopped clock and a signed-in person with these roles.</summary>
    public static FakeInstancesPort UseInstances(this BunitContext context, params string[] roles)
    {
        var port = new FakeInstancesPort();
        context.Services.AddSingleton<IInstancesPort>(port);
        context.Services.AddSingleton<IInstanceChanges>(port.Changes);
        context.Services.AddSingleton<Microsoft.AspNetCore.Components.Forms.Mapping.IFormValueMapper, NoPostedForm>();
        context.Services.AddSingleton<TimeProvider>(new StoppedClock(StoppedClock.Epoch));
        context.AddAuthorization().SetAuthorized("Liis Tamm").SetRoles(roles).SetClaims(new Claim(ClaimTypes.Email, "chair@foc.example"));
        return port;
    }
}
