using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FocWorkflows.Server.Activities.Deliberation;
using FocWorkflows.Server.Tests.Infrastructure;
using static FocWorkflows.Server.Tests.Infrastructure.Flow;

namespace FocWorkflows.Server.Tests.Deliberation.Drafts;

/// <summary>Definitions and requests the draft and publication tests share.</summary>
internal static class DraftFlows
{
    public const string TaskForce = "ai-and-human-rights";

    /// <summary>An advisory co-lead of <see cref="TaskForce"/>, so a pen-holder.</summary>
    public const string AdvisorCoLead = "advisor.ai@foc.example";

    public const string V1 = """
        # Joint statement on AI and human rights

        The Freedom Online Coalition is concerned about AI systems used for mass surveillance.

        - States should assess the human rights impact of AI.
        - Companies should publish transparency reports.
        """;

    public const string V2 = """
        # Joint statement on AI and human rights

        The Freedom Online Coalition is deeply concerned about AI systems used for mass surveillance.

        - States should assess the human rights impact of AI.
        - Companies should publish transparency reports.
        """;

    public const string V3 = """
        # Joint statement on AI and human rights

        The Freedom Online Coalition is deeply concerned about AI systems used for unlawful surveillance.

        - States should assess the human rights impact of AI before deployment.
        - Civil society must be consulted.
        """;

    /// <summary>start, then <paramref name="drafts"/> draft steps in a row; the caller adds what follows.</summary>
    public static Flow Drafting(string id, int drafts = 3)
    {
        var flow = Define(id).Start();
        var chain = new List<string> { "start" };
        for (var i = 1; i <= drafts; i++)
        {
            flow.Node($"draft{i}", DraftActivity.Type, new { title = $"Submit draft {i}", dueIn = "P7D" });
            chain.Add($"draft{i}");
        }
        return flow.Chain([.. chain]);
    }

    public static async Task<string> LaunchAsync(TestApp app, string definitionId, string? taskForceId = TaskForce)
    {
        var input = new JsonObject();
        if (taskForceId is not null) input["taskForceId"] = taskForceId;
        return (await app.StartAsync(definitionId, input)).Id;
    }

    public static Task<HttpResponseMessage> SubmitAsync(TestApp app, string instanceId, string email, string markdown,
        string? title = null, string? onBehalfOf = null, string? idempotencyKey = null)
    {
        var client = app.ClientAs(email);
        if (idempotencyKey is not null) client.DefaultRequestHeaders.Add("Idempotency-Key", idempotencyKey);
        return client.PostAsJsonAsync($"/api/instances/{instanceId}/drafts", new { markdown, title, note = "for review", onBehalfOf });
    }
}
