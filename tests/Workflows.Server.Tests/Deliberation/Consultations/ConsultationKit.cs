using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using FocWorkflows.Server.Deliberation.Consultations;
using FocWorkflows.Server.Deliberation.Drafts;
using FocWorkflows.Server.Engine.Running;
using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static FocWorkflows.Server.Tests.Infrastructure.Flow;

namespace FocWorkflows.Server.Tests.Deliberation.Consultations;

/// <summary>The AI and Human Rights task force's people, and a consult-then-dispose workflow to drive.</summary>
internal static class ConsultationKit
{
    public const string TaskForce = "ai-and-human-rights";
    public const string AdvisorAi = "advisor.ai@foc.example";       // Advisory Network co-lead: a pen-holder
    public const string AdvisorAccess = "advisor.access@foc.example";
    public const string AdvisorUni = "advisor.uni@foc.example";
    public const string AdvisorTech = "advisor.tech@foc.example";
    public const string Outsider = "advisor.press@foc.example";     // an advisor of another task force
    public const string PenHolderNl = "diplomat.nl@foc.example";
    public static readonly string[] Advisors = [AdvisorAi, AdvisorAccess, AdvisorUni, AdvisorTech];

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Publishes and starts consult (two weeks, advisors) then dispose; returns the instance and consultation ids.</summary>
    public static async Task<(string InstanceId, string ConsultationId)> OpenAsync(TestApp app, string? reminderBefore = null, string window = "P14D",
        bool calendarDeadline = false)
    {
        var id = $"consult-{Guid.NewGuid():N}";
        var settings = new JsonObject
        {
            ["title"] = "Draft statement on AI and human rights", ["audience"] = "advisoryNetwork", ["window"] = window, ["draftVersion"] = 2,
        };
        if (reminderBefore is not null) settings["reminderBefore"] = reminderBefore;
        if (calendarDeadline) settings["calendarDeadline"] = true;
        await app.PublishAsync(Define(id).Input("taskForceId").Start()
            .Node("consult", "deliberation.consultation", settings)
            .Node("dispose", "deliberation.comment-disposition", new { title = "AI statement", consultation = Js("outputs.consult.consultationId") })
            .End()
            .Chain("start", "consult", "dispose", "end").Build());
        var started = await app.Runtime.StartAsync(new StartRequest(id, null, new JsonObject { ["taskForceId"] = TaskForce }, People.Chair), CancellationToken.None);
        var state = await app.StateAsync(started.Instance.Id);
        return (started.Instance.Id, state.Outputs["consult"]!["consultationId"]!.GetValue<string>());
    }

    /// <summary>Records a draft version of the instance, as its draft step would.</summary>
    public static Task RecordDraftAsync(this TestApp app, string instanceId, int number, string markdown) =>
        app.QueryAsync(db =>
        {
            db.Add(new DraftVersion
            {
                Id = $"d-{Guid.NewGuid():N}", InstanceId = instanceId, NodeId = "draft", Number = number, Title = "AI statement",
                Markdown = markdown, SubmittedBy = PenHolderNl, SubmittedAt = TestApp.Epoch,
            });
            return db.SaveChangesAsync();
        });

    public static Task<HttpResponseMessage> CommentAsync(this TestApp app, string author, string consultationId, string text,
        int paragraph = 1, string? quote = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/consultations/{consultationId}/comments")
        {
            Content = JsonContent.Create(new { paragraph, quote, text }),
        };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return app.ClientAs(author).SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostAsync(this TestApp app, string caller, string path, object body) =>
        app.ClientAs(caller).PostAsJsonAsync(path, body);

    public static Task<List<Comment>> CommentsAsync(this TestApp app, string consultationId) =>
        app.QueryAsync(db => db.Set<Comment>().AsNoTracking().Where(c => c.ConsultationId == consultationId).ToListAsync());

    public static Task<Consultation> ConsultationAsync(this TestApp app, string consultationId) =>
        app.QueryAsync(db => db.Set<Consultation>().AsNoTracking().SingleAsync(c => c.Id == consultationId));

    public static Task<List<OutboxMessage>> MailsAsync(this TestApp app, string instanceId) =>
        app.QueryAsync(db => db.Outbox.AsNoTracking().Where(o => o.InstanceId == instanceId && o.Kind == "mail").ToListAsync());

    public static string Template(this OutboxMessage message) => JsonNode.Parse(message.PayloadJson)!["template"]!.GetValue<string>();

    public static string To(this OutboxMessage message) => JsonNode.Parse(message.PayloadJson)!["to"]!.GetValue<string>();

    public static JsonObject Details(this JournalEntry entry) => JsonNode.Parse(entry.DetailsJson!)!.AsObject();

    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
}
