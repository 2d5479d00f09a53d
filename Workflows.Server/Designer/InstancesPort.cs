using System.Text.Json;
using System.Text.Json.Nodes;
using FocWorkflows.Designer.Ports;
using FocWorkflows.Server.Activities.Control;
using FocWorkflows.Server.Api.Endpoints;
using FocWorkflows.Server.Deliberation;
using FocWorkflows.Server.Deliberation.Directory;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Engine.Activities;
using FocWorkflows.Server.Engine.Running;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Persistence;
using FocWorkflows.Server.Persistence.Deliberation;
using FocWorkflows.Server.UseCases;

namespace FocWorkflows.Server.Designer;

/// <summary>
/// Launching, following and the inbox, over the same services as the API. The engine's problems
/// become <see cref="CommandResult"/>s so the pages can show them next to the fields.
/// </summary>
internal sealed class InstancesPort(
    WorkflowRuntime runtime, InstanceQueries queries, DefinitionStore definitions, IDirectory directory,
    InstanceAccess access, ConsultationStore consultations, StartInstance start, CompleteTask complete) : IInstancesPort
{
    public async Task<Viewer> ViewerAsync(string email, IReadOnlyList<string> roles, CancellationToken ct)
    {
        var person = await directory.FindPersonAsync(email, ct);
        return new Viewer(email, roles, person?.TimeZone ?? "UTC");
    }

    public async Task<LaunchForm?> LaunchFormAsync(string definitionId, CancellationToken ct)
    {
        var definition = await definitions.GetAsync(definitionId, null, ct);
        if (definition is null) return null;
        var taskForces = definition.Inputs.Any(i => i.Type == Definitions.Model.ValueType.TaskForce) ? await TaskForcesAsync(ct) : [];
        return new LaunchForm(definition.Id, definition.Name, definition.Version, definition.Inputs, taskForces);
    }

    public Task<CommandResult> LaunchAsync(string definitionId, JsonObject input, string actor, CancellationToken ct) =>
        CommandAsync(async () => (await start.RunAsync(new StartInstanceCommand(definitionId, null, input), new Caller(actor, Door.Designer), ct)).Instance.Id);

    public async Task<IReadOnlyList<TaskForceOption>> TaskForcesAsync(CancellationToken ct)
    {
        return [.. (await directory.TaskForcesAsync(ct)).OrderBy(t => t.Name, StringComparer.CurrentCulture).Select(t => new TaskForceOption(t.Id, t.Name))];
    }

    public async Task<(IReadOnlyList<InstanceListItem> Items, int Total)> ListAsync(InstanceFilterQuery filter, string viewerEmail, CancellationToken ct)
    {
        InstanceStatus? status = Enum.TryParse<InstanceStatus>(filter.Status, ignoreCase: true, out var s) && !int.TryParse(filter.Status, out _) ? s : null;
        var visible = await access.VisibleTaskForcesAsync(await access.ViewerAsync(viewerEmail, ct), ct);
        var (items, total) = await queries.ListAsync(new InstanceFilter(Blank(filter.DefinitionId), status, Blank(filter.TaskForceId),
            Math.Max(1, filter.Page), Math.Clamp(filter.PageSize, 1, 500), visible), ct);
        return ([.. items.Select(InstanceResponses.Summary).Select(i =>
            new InstanceListItem(i.Id, i.DefinitionId, i.Version, i.Status, i.TaskForceId, i.StartedBy, i.CreatedAt, i.EndedAt))], total);
    }

    public async Task<Seen<InstanceView>> GetAsync(string id, string viewerEmail, CancellationToken ct)
    {
        var detail = await queries.GetAsync(id, ct);
        if (detail is null) return Seen<InstanceView>.NotFound;
        if (!await access.SeesInternalsAsync(await access.ViewerAsync(viewerEmail, ct), detail.Instance.TaskForceId, ct)) return Seen<InstanceView>.NotAllowed;
        var definition = await definitions.GetAsync(detail.Instance.DefinitionId, detail.Instance.DefinitionVersion, ct);
        if (definition is null) return Seen<InstanceView>.NotFound;
        var response = InstanceResponses.Detail(detail, definition);
        var journal = await queries.WholeJournalAsync(id, ct) ?? [];
        var names = response.WaitingOn.Count == 0 ? new Dictionary<string, string>()
            : (await directory.PeopleAsync(ct)).ToDictionary(p => p.Email, p => p.Name, StringComparer.OrdinalIgnoreCase);
        var waiting = response.WaitingOn.Select(w => new OpenStep(w.ActivityId, w.Name, w.Kind, w.Since, w.DueAt,
            [.. w.Tasks.Select(t => new StepTask(t.Id, t.Title, [.. t.Assignees.Select(a => Assignee(a, names))], t.DueAt,
                detail.OpenTasks.FirstOrDefault(o => o.Id == t.Id)?.ResourceHref ?? t.Href))])).ToList();
        return Seen<InstanceView>.Shown(new InstanceView(response.Id, response.DefinitionId, definition.Name, response.Version, response.Status, response.TaskForceId,
            response.StartedBy, response.CreatedAt, response.EndedAt, response.Input, waiting,
            [.. journal.Select(e => new JournalLine(e.Sequence, e.At, e.Event, e.NodeId, e.ActivityType, e.Actor, e.OnBehalfOf, e.Outcome))],
            response.Incident is { } i ? new IncidentView(i.ActivityId, i.Message, i.At) : null,
            InstanceGraphs.Of(definition, journal, waiting.Select(w => w.ActivityId), response.Incident?.ActivityId),
            detail.Instance.Stamp));
    }

    public Task<CommandResult> CancelAsync(string id, string reason, string actor, CancellationToken ct) =>
        CommandAsync(async () =>
        {
            await RequireOperatorAsync(actor, ct);
            if (reason.Trim().Length > Limits.Reason)
                throw WorkflowProblem.Invalid("The reason is too long", new Dictionary<string, string[]> { ["reason"] = [Limits.TooLong(Limits.Reason)] });
            await runtime.CancelAsync(id, reason, actor, ct);
            return id;
        });

    public Task<CommandResult> RetryAsync(string id, string actor, CancellationToken ct) =>
        CommandAsync(async () => { await RequireOperatorAsync(actor, ct); await runtime.RetryAsync(id, actor, ct); return id; });

    /// <summary>
    /// A live page keeps the roles its person had when it opened; the directory decides at the moment
    /// of the act, so a role taken away meanwhile stops a cancel or retry from an open page.
    /// </summary>
    private async Task RequireOperatorAsync(string actor, CancellationToken ct)
    {
        var person = await directory.FindPersonAsync(actor, ct);
        if (person is null || !Roles.Operators.Any(person.HasRole))
            throw WorkflowProblem.Forbidden("Only chairs, co-chairs and the secretariat may cancel or retry a workflow.");
    }

    public async Task<IReadOnlyList<InboxTask>> InboxAsync(Viewer viewer, CancellationToken ct)
    {
        var tasks = await queries.InboxAsync(viewer.Email, [.. viewer.Roles], HumanTaskStatus.Open, ct);
        var done = await consultations.CommentedTasksAsync(viewer.Email, tasks, ct);
        return [.. tasks.Select(t => new InboxTask(
            t.Id, t.InstanceId, t.Title, t.CreatedAt, t.DueAt, t.ResourceHref, JsonSerializer.Deserialize<string[]>(t.ActionsJson) ?? [],
            [.. (JsonSerializer.Deserialize<HumanTaskActivity.Field[]>(t.FieldsJson, SettingsJson.Options) ?? []).Select(f =>
                new TaskFieldView(f.Name, f.Label ?? f.Name, f.Type.ToString(), f.Required, f.Options ?? []))], done.Contains(t.Id)))];
    }

    public Task<CommandResult> CompleteTaskAsync(string taskId, string? action, JsonObject data, string actor, CancellationToken ct) =>
        CommandAsync(async () =>
        {
            var task = await complete.RunAsync(new CompleteTaskCommand(taskId, action, data, OnBehalfOf: null), new Caller(actor, Door.Designer), ct);
            return task.InstanceId;
        });

    private static async Task<CommandResult> CommandAsync(Func<Task<string>> run)
    {
        try
        {
            return CommandResult.Done(await run());
        }
        catch (WorkflowProblem problem)
        {
            return new CommandResult(null, problem.Errors.Count > 0 ? problem.Title : problem.Message, problem.Errors);
        }
    }

    /// <summary>Whom a task waits on, as people read it: a person by name, a role by what it is ("the secretariat").</summary>
    private static string Assignee(string entry, Dictionary<string, string> names) =>
        entry.StartsWith("role:", StringComparison.OrdinalIgnoreCase) ? $"the {entry[5..].Replace('-', ' ')}"
        : names.TryGetValue(entry, out var name) ? name : entry;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
