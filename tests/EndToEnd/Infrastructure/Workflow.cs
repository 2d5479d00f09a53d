using System.Net.Http.Json;
using System.Text.Json;

namespace FocWorkflows.EndToEnd.Infrastructure;

/// <summary>One launched instance, moved along through the API as the people of the directory would.</summary>
public sealed class Workflow(DesignerServer server, string instanceId)
{
    public string InstanceId => instanceId;

    /// <summary>Launched by the chair.</summary>
    public static async Task<Workflow> LaunchAsync(DesignerServer server, string definitionId, object input) =>
        new(server, await AdvisorConsultation.LaunchAsync(server, definitionId, input));

    /// <summary>The next version of the draft, submitted by a pen-holder; returns its number.</summary>
    public async Task<int> SubmitDraftAsync(string by, string markdown) =>
        (await PostAsync(by, $"/api/instances/{instanceId}/drafts", new { markdown, note = "from the end-to-end scenario" })).GetProperty("number").GetInt32();

    /// <summary>The id of what an open step's first task is about (an approval round, a consultation), from the task's resource link.</summary>
    public async Task<string> ResourceIdAsync(string activityId)
    {
        var instance = await GetAsync(People.Chair, $"/api/instances/{instanceId}");
        var step = instance.GetProperty("waitingOn").EnumerateArray().SingleOrDefault(w => w.GetProperty("activityId").GetString() == activityId);
        Assert.True(step.ValueKind == JsonValueKind.Object, $"Instance {instanceId} does not wait on {activityId}: {instance.GetProperty("waitingOn")}");
        var taskId = step.GetProperty("tasks")[0].GetProperty("id").GetString();
        var task = await GetAsync(People.Secretariat, $"/api/tasks/{taskId}");
        return task.GetProperty("resourceHref").GetString()!.Split('/').Last();
    }

    public async Task<JsonElement> GetAsync(string by, string path) =>
        await AdvisorConsultation.ReadAsync(await server.ApiAs(by).GetAsync(path));

    public async Task<JsonElement> PostAsync(string by, string path, object body) =>
        await AdvisorConsultation.ReadAsync(await server.ApiAs(by).PostAsJsonAsync(path, body));
}
