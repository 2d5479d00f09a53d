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

    private async Task<(string Subject, string Html)> DeliveredAsync(string to, string template, JsonObject payload)
    {
        _graph.SendMailAnswers((202, null));
        payload["to"] = to;
        payload["template"] = template;
        await _graph.EnqueueAsync("mail", payload);
        Assert.Equal(1, await _graph.DispatchAsync());
        var message = GraphFake.BodyOf(Assert.Single(_graph.Requests($"/v1.0/users/{GraphFake.Sender}/sendMail")))["message"]!;
        return (message["subject"]!.GetValue<string>(), message["body"]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task Dispatch_ApprovalMail_ToAFrenchSpeakingDiplomat_IsWrittenInFrench_WithTheDeadlineInParis()
    {
        var (subject, html) = await DeliveredAsync("diplomat.fr@foc.example", "approval-opened", new JsonObject
        {
            ["roundId"] = "r-7", ["deadline"] = TestApp.Epoch.AddDays(5).AddSeconds(5).ToString("o"), ["title"] = "Déclaration commune",
        });

        Assert.Equal("Approbation demandée : Déclaration commune", subject);
        Assert.Contains("Bonjour Camille Laurent", html);
        Assert.Contains("La période de réponse se termine dans 5 jours", html);
        Assert.Contains("(Europe/Paris)", html);
        Assert.Contains("/approvals/r-7\">Répondre</a>", html);
    }

    [Fact]
    public async Task Dispatch_Reminder_ToASpanishSpeakingAdvisor_IsWrittenInSpanish()
    {
        var (subject, html) = await DeliveredAsync("advisor.uni@foc.example", "consultation-reminder", new JsonObject
        {
            ["consultationId"] = "c-9", ["closesAt"] = TestApp.Epoch.AddDays(2).AddSeconds(5).ToString("o"), ["title"] = "Principios",
        });

        Assert.StartsWith("Recordatorio: la consulta se cierra", subject);
        Assert.Contains("Todavía no hemos recibido sus comentarios sobre <strong>Principios</strong>", html);
        Assert.Contains(">Comentar ahora</a>", html);
    }

    [Fact]
    public async Task Dispatch_Extension_NamesTheTextAndSaysWhy()
    {
        var (extended, html) = await DeliveredAsync("diplomat.ca@foc.example", "approval-extended", new JsonObject
        {
            ["roundId"] = "r-9", ["deadline"] = TestApp.Epoch.AddDays(4).AddSeconds(5).ToString("o"), ["title"] = "Joint statement",
            ["reason"] = "Capitals need <more> time.",
        });

        Assert.Equal("Deadline extended: Joint statement", extended);
        Assert.Contains("Responses now close 4 days from now", html);
        Assert.Contains("Reason: Capitals need &lt;more&gt; time.", html);
        Assert.Contains("/approvals/r-9\">Respond</a>", html);
    }

    [Fact]
    public async Task Dispatch_Reminder_NamesTheTextAfterTheDeadline()
    {
        var (subject, _) = await DeliveredAsync("advisor.ai@foc.example", "consultation-reminder", new JsonObject
        {
            ["consultationId"] = "c-10", ["closesAt"] = TestApp.Epoch.AddDays(2).AddSeconds(5).ToString("o"), ["title"] = "Joint statement",
        });

        Assert.Equal("Reminder: the consultation closes 2 days from now — Joint statement", subject);
    }

    [Fact]
    public async Task Dispatch_ToALanguageWithoutAWording_FallsBackToEnglish_ButKeepsTheReadersCulture()
    {
        var (subject, html) = await DeliveredAsync("nobody@foc.example", "consultation-opened", new JsonObject
        {
            ["consultationId"] = "c-3", ["closesAt"] = TestApp.Epoch.AddDays(3).ToString("o"), ["title"] = "Text",
            ["name"] = "Someone", ["language"] = "pt-BR", ["timeZone"] = "America/Sao_Paulo",
        });

        Assert.Equal("Consultation open: Text", subject);
        Assert.Contains("Dear Someone", html);
        Assert.Contains("(America/Sao_Paulo)", html);
    }

    [Fact]
    public async Task Dispatch_ToAReaderWhoseCultureCountsAnotherCalendar_WritesTheDeadlineInTheGregorianYear()
    {
        var (_, html) = await DeliveredAsync("reader@foc.example", "approval-opened", new JsonObject
        {
            ["roundId"] = "r-8", ["deadline"] = TestApp.Epoch.AddDays(3).ToString("o"), ["title"] = "Text",
            ["name"] = "A reader", ["language"] = "ar-SA", ["timeZone"] = "Asia/Riyadh",
        });

        Assert.Contains("2026", html);
        Assert.DoesNotContain("1448", html);
    }

    [Fact]
    public async Task EveryBuiltInTemplate_InEveryWordedLanguage_NamesItsTextInTheSubjectAndTheBody()
    {
        _graph.SendMailAnswers((202, null));
        string[] languages = ["en", "fr", "es", "de"];
        var expected = new List<(string Template, string Language, string Title)>();
        foreach (var template in MailTemplates.Names)
            foreach (var language in languages)
            {
                var title = $"Statement «{template}» ({language}) & co";
                expected.Add((template, language, title));
                await _graph.EnqueueAsync("mail", new JsonObject
                {
                    ["to"] = "reader@foc.example", ["name"] = "A reader", ["language"] = language, ["timeZone"] = "Europe/Berlin",
                    ["template"] = template, ["title"] = title, ["reason"] = "A reason.",
                    ["consultationId"] = "c-1", ["roundId"] = "r-1",
                    ["closesAt"] = TestApp.Epoch.AddDays(3).ToString("o"), ["deadline"] = TestApp.Epoch.AddDays(3).ToString("o"),
                });
            }

        Assert.Equal(expected.Count, await _graph.DispatchAsync());

        var sent = _graph.Requests($"/v1.0/users/{GraphFake.Sender}/sendMail").Select(r => GraphFake.BodyOf(r)["message"]!)
            .Select(m => (Subject: m["subject"]!.GetValue<string>(), Html: m["body"]!["content"]!.GetValue<string>())).ToList();
        foreach (var (template, language, title) in expected)
        {
            var mail = Assert.Single(sent, m => m.Subject.Contains(title, StringComparison.Ordinal));
            Assert.Contains(title, System.Net.WebUtility.HtmlDecode(mail.Html));
        }
        // Each language speaks its own words: the four wordings of one template are four different subjects.
        foreach (var template in MailTemplates.Names)
            Assert.Equal(4, expected.Where(e => e.Template == template)
                .Select(e => sent.Single(m => m.Subject.Contains(e.Title, StringComparison.Ordinal)).Subject.Replace(e.Title, "")).Distinct().Count());
    }
}
