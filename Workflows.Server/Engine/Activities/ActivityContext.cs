using System.Text.Json;
using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Model;
using FocWorkflows.Server.Engine.Expressions;
using FocWorkflows.Server.Engine.Running;
using FocWorkflows.Server.Engine.State;

namespace FocWorkflows.Server.Engine.Activities;

/// <summary>
/// An activity's only window on the world during a burst. Everything it does here (bookmarks,
/// tasks, journal lines, outbox messages, domain records) is committed with the burst or not at all.
/// It offers no service provider: what an activity reads (the directory, drafts, consultations...)
/// comes through the typed read ports it takes in its constructor.
/// </summary>
public sealed class ActivityContext
{
    private readonly Burst _burst;
    private readonly IdGenerator _ids;

    private readonly ExpressionScope _scope;
    private readonly ScriptEvaluator _scripts;
    private readonly TemplateRenderer _templates;

    internal ActivityContext(Burst burst, ActivityNode node, string? inboundFrom, string? inboundOutcome, IdGenerator ids,
        ExpressionScope scope, ScriptEvaluator scripts, TemplateRenderer templates)
    {
        _scope = scope;
        _scripts = scripts;
        _templates = templates;
        _burst = burst;
        _ids = ids;
        Node = node;
        InboundFrom = inboundFrom;
        InboundOutcome = inboundOutcome;
    }

    public ActivityNode Node { get; }
    public string NodeId => Node.Id;
    public string InstanceId => _burst.Instance.Id;
    public WorkflowDefinition Definition => _burst.Definition;
    public DateTimeOffset Now => _burst.Now;
    public JsonObject Input => _burst.Input;
    public JsonObject Variables => _burst.State.Variables;
    public string? Actor => _burst.Actor;
    public string? TaskForceId => _burst.Instance.TaskForceId;

    /// <summary>The node that scheduled this one and the outcome it took; null for a start node.</summary>
    public string? InboundFrom { get; }
    public string? InboundOutcome { get; }

    internal Burst Burst => _burst;

    public Bookmark CreateBookmark(string kind, string? key = null, DateTimeOffset? dueAt = null, JsonNode? data = null)
    {
        var bookmark = new Bookmark
        {
            Id = _ids.NewId(), InstanceId = InstanceId, NodeId = NodeId, Kind = kind, Key = key,
            DueAt = dueAt, CreatedAt = Now, DataJson = data?.ToJsonString(),
        };
        return bookmark;
    }

    /// <summary>Creates an inbox task and the bookmark its completion resumes.</summary>
    public Bookmark CreateTask(string title, IReadOnlyList<string> assignees, IReadOnlyList<string> actions,
        DateTimeOffset? dueAt, JsonArray? fields = null)
    {
        var taskId = _ids.NewId();
        var bookmark = CreateBookmark(BookmarkKinds.Task, taskId, dueAt: null, new JsonObject { ["taskId"] = taskId });
        _burst.AddTask(new HumanTask
        {
            Id = taskId, InstanceId = InstanceId, NodeId = NodeId, BookmarkId = bookmark.Id, Title = title,
            AssigneesJson = JsonSerializer.Serialize(assignees), ActionsJson = JsonSerializer.Serialize(actions),
            FieldsJson = fields?.ToJsonString() ?? "[]", DueAt = dueAt, CreatedAt = Now, Status = HumanTaskStatus.Open,
        });
        Journal(JournalEvents.TaskCreated, new JsonObject { ["taskId"] = taskId, ["title"] = title, ["assignees"] = JsonSerializer.SerializeToNode(assignees) });
        return bookmark;
    }

    /// <summary>
    /// Puts an inbox item for people who must act on a resource (a draft, a consultation, a round)
    /// through its own endpoint. It closes with the step that owns <paramref name="bookmark"/>.
    /// </summary>
    public void CreateInboxTask(string title, IReadOnlyList<string> assignees, DateTimeOffset? dueAt, Bookmark bookmark, string resourceHref)
    {
        var taskId = _ids.NewId();
        _burst.AddTask(new HumanTask
        {
            Id = taskId, InstanceId = InstanceId, NodeId = NodeId, BookmarkId = bookmark.Id, Title = title,
            AssigneesJson = JsonSerializer.Serialize(assignees), ActionsJson = "[]", DueAt = dueAt, CreatedAt = Now,
            Status = HumanTaskStatus.Open, ResourceHref = resourceHref,
        });
        Journal(JournalEvents.TaskCreated, new JsonObject { ["taskId"] = taskId, ["title"] = title, ["resource"] = resourceHref, ["assignees"] = assignees.Count });
    }

    public void SetOutput(JsonNode? value) => _burst.State.Outputs[NodeId] = value?.DeepClone();

    public void SetVariable(string name, JsonNode? value)
    {
        _burst.State.Variables[name] = value?.DeepClone();
        Journal(JournalEvents.VariableSet, new JsonObject { ["variable"] = name, ["value"] = value?.DeepClone() });
    }

    public void Journal(string @event, JsonObject? details = null, string? outcome = null, string? actor = null) =>
        JournalWriter.Append(_burst, @event, NodeId, Node.Type, outcome, details, actor);

    /// <summary>Closes another node's open bookmark (a branch a join-any no longer waits for).</summary>
    public void CancelBookmark(Bookmark bookmark)
    {
        _burst.RemoveBookmark(bookmark);
        foreach (var task in _burst.OpenTasks.Where(t => t.BookmarkId == bookmark.Id).ToList())
        {
            task.Status = HumanTaskStatus.Cancelled;
            task.ClosedAt = Now;
            _burst.CloseTask(task);
        }
        JournalWriter.Append(_burst, JournalEvents.Cancelled, bookmark.NodeId, details: new JsonObject { ["reason"] = $"branch no longer needed by {NodeId}" });
    }

    /// <summary>Queues a side effect for delivery after the burst commits.</summary>
    public void Enqueue(string kind, JsonObject payload) => _burst.Enqueue(kind, payload, NodeId);

    /// <summary>Puts an entry (a meeting, a deadline) in the attendees' calendars, or moves it if it exists.</summary>
    public void ScheduleEvent(CalendarEntry entry)
    {
        var exists = _burst.State.CalendarEvents.ContainsKey(entry.Key);
        _burst.State.CalendarEvents[entry.Key] = entry.Start;
        Enqueue(CalendarEntry.Kind, entry.ToPayload(exists ? "update" : "create"));
    }

    /// <summary>Whether this instance has this calendar entry in people's calendars.</summary>
    public bool HasEvent(string key) => _burst.State.CalendarEvents.ContainsKey(key);

    /// <summary>Stops tracking an entry that simply passed (a deadline reached): it stays in calendars.</summary>
    public void ForgetEvent(string key) => _burst.State.CalendarEvents.Remove(key);

    /// <summary>Cancels an entry this instance scheduled; nothing happens for one it never scheduled.</summary>
    public void CancelEvent(string key, string comment) => CalendarEntry.Cancel(_burst, key, comment, NodeId);

    /// <summary>Adds a domain record to be saved with the burst.</summary>
    public void Record(object entity) => _burst.Records.Add(entity);

    /// <summary>Saves changes to an existing domain record with the burst.</summary>
    public void Update(object entity)
    {
        if (!_burst.Records.Contains(entity) && !_burst.UpdatedRecords.Contains(entity)) _burst.UpdatedRecords.Add(entity);
    }

    /// <summary>This node's open bookmarks (e.g. its deadline and reminder timers).</summary>
    public IReadOnlyList<Bookmark> OpenBookmarks => [.. _burst.OpenBookmarks.Where(b => b.NodeId == NodeId)];

    /// <summary>Moves a bookmark's due time, e.g. when a deadline is extended.</summary>
    public void Reschedule(Bookmark bookmark, DateTimeOffset? dueAt) => _burst.Reschedule(bookmark, dueAt);

    /// <summary>
    /// Moves a step's deadline: the timer of <paramref name="bookmark"/> and the due time of the inbox
    /// tasks that close with it, so people's inboxes show the same deadline the step keeps.
    /// </summary>
    public void MoveDeadline(Bookmark bookmark, DateTimeOffset dueAt)
    {
        _burst.Reschedule(bookmark, dueAt);
        _burst.RescheduleTasksOf(bookmark, dueAt);
    }

    /// <summary>Drops one of this node's bookmarks without journaling it (a reminder no longer needed).</summary>
    public void DropBookmark(Bookmark bookmark) => _burst.RemoveBookmark(bookmark);

    /// <summary>The person who caused this burst, and for whom the secretariat acted, if so.</summary>
    public string? OnBehalfOf => _burst.OnBehalfOf;

    public string NewId() => _ids.NewId();

    /// <summary>
    /// Renders a deferred setting for one reader: Liquid in their culture and time zone, JavaScript
    /// evaluated, a literal as its text.
    /// </summary>
    public string Render(JsonNode? setting, string? culture, TimeZoneInfo? timeZone)
    {
        var value = SettingValue.Read(setting);
        switch (value.Kind)
        {
            case SettingKind.Liquid:
                var scope = new ExpressionScope
                {
                    Input = _scope.Input, Variables = _scope.Variables, Outputs = _scope.Outputs, TaskForce = _scope.TaskForce,
                    Now = _scope.Now, Culture = culture, TimeZone = timeZone, DeclaredVariables = _scope.DeclaredVariables,
                };
                return _templates.Render(value.Source!, scope);
            case SettingKind.JavaScript:
                return _scripts.Evaluate(value.Source!, _scope)?.ToString() ?? "";
            default:
                return setting is JsonValue v && v.TryGetValue<string>(out var text) ? text : setting?.ToJsonString() ?? "";
        }
    }

    /// <summary>
    /// Evaluates a setting value the activity kept unevaluated (e.g. a switch case's condition):
    /// JavaScript is run, a literal is returned as is.
    /// </summary>
    public JsonNode? Evaluate(JsonNode? setting)
    {
        var value = SettingValue.Read(setting);
        return value.Kind == SettingKind.JavaScript ? _scripts.Evaluate(value.Source!, _scope) : setting?.DeepClone();
    }
}
