using System.Text.Json.Nodes;
using FocWorkflows.Server.Integrations.Graph;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace FocWorkflows.Server.Tests.Integrations.Graph;

public sealed class TemplateMailTests : IDisposable
{
    private readonly GraphFake _graph = new();

    public void Dispose() => _graph.Dispose();

    [Fact]
    public async Task Dispatch_TemplateMail_RendersAtDelivery_InTheReadersTimeZone_WithAWorkingAdvisorLink()
    {
        _graph.SendMailAnswers((202, null));
        var closesAt = TestApp.Epoch.AddDays(3).AddSeconds(5);
        await _graph.EnqueueAsync("mail", new JsonObject
        {
            ["to"] = "advisor.ai@foc.example", ["template"] = "consultation-opened", ["consultationId"] = "c-42",
            ["closesAt"] = closesAt.ToString("o"), ["title"] = "Joint statement on <AI>",
        });

        Assert.Equal(1, await _graph.DispatchAsync());

        var message = GraphFake.BodyOf(Assert.Single(_graph.Requests($"/v1.0/users/{GraphFake.Sender}/sendMail")))["message"]!;
        Assert.Equal("Consultation open: Joint statement on <AI>", message["subject"]!.GetValue<string>());
        var html = message["body"]!["content"]!.GetValue<string>();
        Assert.Contains("Joint statement on &lt;AI&gt;", html);
        Assert.Contains("closes 3 days from now", html);
        var token = System.Text.RegularExpressions.Regex.Match(html, "consultations/c-42\\?token=([^\"&]+)").Groups[1].Value;
        var grant = _graph.App.Services.GetRequiredService<AdvisorLinks>().Validate(token, out var problem);
        Assert.True(grant is not null, problem);
        Assert.Equal("advisor.ai@foc.example", grant.Email);
        Assert.Equal("c-42", grant.ConsultationId);
    }
}
