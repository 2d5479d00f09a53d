using System.Net.Http.Json;
using System.Text.Json;
using FocWorkflows.Server.Integrations.Graph;
using Microsoft.Extensions.DependencyInjection;

namespace FocWorkflows.EndToEnd.Infrastructure;

/// <summary>
/// Brings an Advisory Network consultation to its open window through the API (launch, then the
/// pen-holder's draft), and issues an advisor's link the way the server's invitation does.
/// </summary>
public sealed class AdvisorConsultation(DesignerServer server)
{
    public string ConsultationId { get; private set; } = "";

    public static async Task<string> LaunchAsync(DesignerServer server, string definitionId, object input)
    {
        var response = await server.ApiAs(People.Chair).PostAsJsonAsync("/api/instances", new { definitionId, input });
        return (await ReadAsync(response)).GetProperty("id").GetString()!;
    }

    public async Task<AdvisorConsultation> OpenAsync()
    {
        var instanceId = await LaunchAsync(server, "advisory-network-consultation",
            new { taskForceId = "ai-and-human-rights", title = "AI procurement guidelines" });
        await ReadAsync(await server.ApiAs(People.CoChair).PostAsJsonAsync($"/api/instances/{instanceId}/drafts",
            new { markdown = "Governments should assess AI before buying it.\n\nAssessments should be public.", note = "for the consultation" }));

        var instance = await ReadAsync(await server.ApiAs(People.Chair).GetAsync($"/api/instances/{instanceId}"));
        var consult = instance.GetProperty("waitingOn").EnumerateArray().Single(w => w.GetProperty("activityId").GetString() == "consult");
        var taskId = consult.GetProperty("tasks")[0].GetProperty("id").GetString();
        var task = await ReadAsync(await server.ApiAs(People.Secretariat).GetAsync($"/api/tasks/{taskId}"));
        ConsultationId = task.GetProperty("resourceHref").GetString()!.Split('/').Last();
        return this;
    }

    /// <summary>The advisor's link, made by the server's own service and pointed at this test server.</summary>
    public async Task<string> LinkForAsync(string advisor)
    {
        var consultation = await ReadAsync(await server.ApiAs(People.Secretariat).GetAsync($"/api/consultations/{ConsultationId}"));
        var link = server.Services.GetRequiredService<AdvisorLinks>()
            .CreateLink(advisor, ConsultationId, consultation.GetProperty("closesAt").GetDateTimeOffset());
        return server.BaseUrl + new Uri(link).PathAndQuery;
    }

    public async Task<JsonElement> CommentsAsync() =>
        await ReadAsync(await server.ApiAs(People.Secretariat).GetAsync($"/api/consultations/{ConsultationId}/comments"));

    /// <summary>The body of a successful answer, or a failure naming the request and what it answered.</summary>
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
