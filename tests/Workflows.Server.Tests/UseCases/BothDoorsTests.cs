using System.Net;
using System.Net.Http.Json;
using FocWorkflows.Designer.Ports;
using FocWorkflows.Server.Tests.Infrastructure;
using FocWorkflows.Server.UseCases;
using Microsoft.Extensions.DependencyInjection;

namespace FocWorkflows.Server.Tests.UseCases;

/// <summary>
/// Every use case is one class behind both doors: the API's endpoint and the Designer's port reach the same one. Each door
/// is sent at a record that does not exist, so the use case itself must answer (404), and its span names it and the door.
/// </summary>
public sealed class BothDoorsTests : IDisposable
{
    private readonly TestApp _app = new();
    private readonly string _missing = "missing-" + Guid.NewGuid().ToString("N")[..8];

    public void Dispose() => _app.Dispose();

    private T Port<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>The use cases, and how each door asks for one on the record <c>id</c>.</summary>
    private Dictionary<string, (Func<string, Task<HttpResponseMessage>> Api, Func<string, Task> Page)> Doors()
    {
        var chair = _app.ClientAs(People.Chair);
        var until = DateTimeOffset.UtcNow.AddDays(3);
        return new()
        {
            [nameof(SubmitDraft)] = (id => chair.PostAsJsonAsync($"/api/instances/{id}/drafts", new { markdown = "Text." }),
                id => Port<IDraftsPort>().SubmitAsync(id, People.Chair, new DraftSubmission("Text.", null), default)),
            [nameof(RespondToRound)] = (id => chair.PostAsJsonAsync($"/api/approvals/{id}/responses", new { kind = "noObjection" }),
                id => Port<IApprovalsPort>().RespondAsync(id, People.Chair, new ApprovalAnswer("noObjection", null, null), default)),
            [nameof(DisposeComment)] = (id => chair.PutAsJsonAsync($"/api/consultations/{id}/dispositions/c-1", new { decision = "noted", reason = "Seen." }),
                id => Port<IDispositionsPort>().DisposeAsync(id, "c-1", People.Chair, new DispositionChoice("noted", "Seen."), default)),
            [nameof(ExtendDeadline)] = (id => chair.PostAsJsonAsync($"/api/consultations/{id}/extend", new { by = "P1D", reason = "More time." }),
                id => Port<IDispositionsPort>().ExtendAsync(id, People.Chair, new DeadlineExtension(until, "More time."), default)),
            [nameof(CloseEarly)] = (id => chair.PostAsJsonAsync($"/api/consultations/{id}/close", new { reason = "Enough." }),
                id => Port<IDispositionsPort>().CloseAsync(id, People.Chair, "Enough.", default)),
            [nameof(WithdrawFromRound)] = (id => chair.PostAsJsonAsync($"/api/approvals/{id}/withdraw", new { reason = "Another reading." }),
                id => Port<IApprovalsPort>().WithdrawAsync(id, People.Chair, "Another reading.", default)),
            [nameof(CompleteTask)] = (id => chair.PostAsJsonAsync($"/api/tasks/{id}/complete", new { action = "Complete" }),
                id => Port<IInstancesPort>().CompleteTaskAsync(id, "Complete", [], People.Chair, default)),
            [nameof(StartInstance)] = (id => chair.PostAsJsonAsync("/api/instances", new { definitionId = id }),
                id => Port<IInstancesPort>().LaunchAsync(id, [], People.Chair, default)),
        };
    }

    [Fact]
    public async Task EveryUseCase_IsReachedThroughTheApiAndThroughThePages()
    {
        using var spans = new UseCaseSpans(_missing);
        var doors = Doors();

        foreach (var (useCase, (api, page)) in doors)
        {
            var response = await api($"{_missing}-{useCase}");
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{useCase} through the API answered {(int)response.StatusCode}, not 404.");
            await page($"{_missing}-{useCase}");
        }

        foreach (var useCase in doors.Keys)
        {
            var seen = spans.Seen.Where(s => s.Subject == $"{_missing}-{useCase}").ToList();
            Assert.True(seen.Any(s => s.UseCase == useCase && s.Door == "api"), $"{useCase}: no span through the API ({string.Join(", ", seen)}).");
            Assert.True(seen.Any(s => s.UseCase == useCase && s.Door == "designer"), $"{useCase}: no span through the pages ({string.Join(", ", seen)}).");
        }
        // The approval round's deadline is the same use case as the window's.
        await _app.ClientAs(People.Chair).PostAsJsonAsync($"/api/approvals/{_missing}-round/extend", new { by = "P1D", reason = "More time." });
        await Port<IApprovalsPort>().ExtendAsync($"{_missing}-round", People.Chair, new DeadlineExtension(DateTimeOffset.UtcNow.AddDays(3), "More time."), default);
        Assert.Equal(["api", "designer"], spans.Seen.Where(s => s.Subject == $"{_missing}-round").Select(s => s.Door).Order());
        Assert.All(spans.Seen.Where(s => s.Subject == $"{_missing}-round"), s => Assert.Equal(nameof(ExtendDeadline), s.UseCase));
    }
}
