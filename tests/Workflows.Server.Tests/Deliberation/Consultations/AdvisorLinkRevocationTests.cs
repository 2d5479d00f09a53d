using System.Net;
using System.Net.Http.Json;
using FocWorkflows.Server.Deliberation.Consultations;
using FocWorkflows.Server.Integrations.Graph;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FocWorkflows.Server.Tests.Deliberation.Consultations.ConsultationKit;

namespace FocWorkflows.Server.Tests.Deliberation.Consultations;

/// <summary>The secretariat withdraws advisors' links; every use of a link is recorded. On SQLite here, on PostgreSQL in its twin.</summary>
public class AdvisorLinkRevocationTests : DatabaseSuite
{
    private static string Revoke(string consultationId) => $"/api/consultations/{consultationId}/links/revoke";

    private static async Task<HttpClient> LinkAsync(TestApp app, string advisor, string consultationId)
    {
        var token = app.Services.GetRequiredService<AdvisorLinks>().CreateToken(advisor, consultationId, (await app.ConsultationAsync(consultationId)).ClosesAt);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(AdvisorLinkAuthenticationHandler.Header, token);
        return client;
    }

    private Task<HttpResponseMessage> RevokeAsync(string consultationId, object body, string by = People.Secretariat) =>
        App.ClientAs(by).PostAsJsonAsync(Revoke(consultationId), body);

    [Fact]
    public async Task Revoke_OneAdvisor_TheirLinkAnswers401Withdrawn_TheOthersStillWork_AndTheJournalSaysWhoWhy()
    {
        var (instanceId, consultationId) = await OpenAsync(App);
        var uni = await LinkAsync(App, AdvisorUni, consultationId);
        var tech = await LinkAsync(App, AdvisorTech, consultationId);

        var revoked = await (await RevokeAsync(consultationId, new { advisor = "Advisor.Uni@foc.example", reason = "The link was forwarded." }))
            .ExpectAsync(HttpStatusCode.OK);
        var refused = await uni.GetAsync($"/api/consultations/{consultationId}");
        var comment = await uni.PostAsJsonAsync($"/api/consultations/{consultationId}/comments", new { paragraph = 1, text = "Still here?" });

        Assert.Equal((AdvisorUni, false), (revoked.Str("advisor"), revoked["allLinks"]!.GetValue<bool>()));
        var problem = await refused.ProblemAsync(HttpStatusCode.Unauthorized, "advisor-link-revoked");
        Assert.Contains("withdrawn by the secretariat", problem.Str("detail"));
        Assert.Contains("Sam Okafor (secretariat@foc.example)", problem.Str("detail"));
        await comment.ProblemAsync(HttpStatusCode.Unauthorized, "advisor-link-revoked");
        Assert.Empty(await App.CommentsAsync(consultationId));
        Assert.Equal(HttpStatusCode.OK, (await tech.GetAsync($"/api/consultations/{consultationId}")).StatusCode);

        var line = Assert.Single(await App.JournalAsync(instanceId), e => e.Event == AdvisorLinkRevoking.Event);
        Assert.Equal((People.Secretariat, "consult", "deliberation.consultation"), (line.Actor, line.NodeId, line.ActivityType));
        Assert.Equal(AdvisorUni, line.Details().Str("advisor"));
        Assert.Equal("The link was forwarded.", line.Details().Str("reason"));
        var verified = await (await App.ClientAs(People.Secretariat).GetAsync($"/api/instances/{instanceId}/journal/verify")).ExpectAsync(HttpStatusCode.OK);
        Assert.True(verified["intact"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Reminder_AfterOneLinkWasWithdrawn_GoesToTheOthersOnly_AndTheJournalSaysWhoWasLeftOut()
    {
        var (instanceId, consultationId) = await OpenAsync(App, reminderBefore: "P2D");
        await (await RevokeAsync(consultationId, new { advisor = AdvisorUni, reason = "The link was forwarded." })).ExpectAsync(HttpStatusCode.OK);

        App.Clock.Advance(TimeSpan.FromDays(12));
        await App.Runtime.FireDueTimersAsync(CancellationToken.None);

        var reminded = (await App.MailsAsync(instanceId)).Where(m => m.Template() == "consultation-reminder").Select(m => m.To()).ToList();
        Assert.NotEmpty(reminded);
        Assert.DoesNotContain(AdvisorUni, reminded);
        var sent = (await App.JournalAsync(instanceId)).Single(j => j.Event == ConsultationEvents.RemindersSent);
        Assert.Equal([AdvisorUni], sent.Details()["linkWithdrawn"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.Equal(reminded.Count, sent.Details()["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Revoke_AllLinks_RefusesEveryAdvisorsLink_ButNotTheirAccounts()
    {
        var (_, consultationId) = await OpenAsync(App);
        var links = new[] { await LinkAsync(App, AdvisorUni, consultationId), await LinkAsync(App, AdvisorTech, consultationId) };

        var revoked = await (await RevokeAsync(consultationId, new { reason = "Sent to the wrong list." })).ExpectAsync(HttpStatusCode.OK);

        Assert.True(revoked["allLinks"]!.GetValue<bool>());
        foreach (var link in links)
            await (await link.GetAsync($"/api/consultations/{consultationId}/comments")).ProblemAsync(HttpStatusCode.Unauthorized, "advisor-link-revoked");
        // An advisor who signs in with an account is not using a link: that door is the directory's, not the link's.
        Assert.Equal(HttpStatusCode.Created, (await App.CommentAsync(AdvisorUni, consultationId, "Signed in instead.")).StatusCode);
    }

    [Fact]
    public async Task Revoke_WhatIsAlreadyWithdrawn_AnswersTheSameRevocationAndJournalsOnce()
    {
        var (instanceId, consultationId) = await OpenAsync(App);
        var all = await (await RevokeAsync(consultationId, new { })).ExpectAsync(HttpStatusCode.OK);

        var again = await (await RevokeAsync(consultationId, new { })).ExpectAsync(HttpStatusCode.OK);
        var one = await (await RevokeAsync(consultationId, new { advisor = AdvisorTech })).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(all.Str("id"), again.Str("id"));
        Assert.Equal(all.Str("id"), one.Str("id"));
        Assert.Single(await App.JournalAsync(instanceId), e => e.Event == AdvisorLinkRevoking.Event);
    }

    [Fact]
    public async Task Revoke_ByTheChair_Is403_AndForSomeoneOutsideTheAudience_Is400_AndNeitherWritesAnything()
    {
        var (instanceId, consultationId) = await OpenAsync(App);
        var journal = (await App.JournalAsync(instanceId)).Count;

        var byChair = await RevokeAsync(consultationId, new { advisor = AdvisorUni }, by: People.Chair);
        var outsider = await RevokeAsync(consultationId, new { advisor = Outsider });
        var unknown = await RevokeAsync("no-such-consultation", new { });

        await byChair.ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(["advisor"], (await outsider.ExpectAsync(HttpStatusCode.BadRequest)).ErrorKeys());
        await unknown.ExpectAsync(HttpStatusCode.NotFound);
        Assert.Equal(journal, (await App.JournalAsync(instanceId)).Count);
        Assert.Empty(await App.QueryAsync(db => db.Set<AdvisorLinkRevocation>().ToListAsync()));
    }

    [Fact]
    public async Task Uses_EachRequestThroughALink_IsRecordedWithItsTimeAddressAndOutcome_AndListedForTheSecretariat()
    {
        var (_, consultationId) = await OpenAsync(App);
        // The in-memory server has no remote address: a second host on the same database and keys gives its requests one.
        using var remote = App.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new FromAddress(IPAddress.Parse("203.0.113.7")))));
        var uni = remote.CreateClient();
        uni.DefaultRequestHeaders.Add(AdvisorLinkAuthenticationHandler.Header,
            App.Services.GetRequiredService<AdvisorLinks>().CreateToken(AdvisorUni, consultationId, (await App.ConsultationAsync(consultationId)).ClosesAt));
        (await uni.GetAsync($"/api/consultations/{consultationId}")).EnsureSuccessStatusCode();
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        await RevokeAsync(consultationId, new { advisor = AdvisorUni });
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        _ = await uni.GetAsync($"/api/consultations/{consultationId}/comments");

        var listed = await (await App.ClientAs(People.Secretariat).GetAsync($"/api/consultations/{consultationId}/links")).ExpectAsync(HttpStatusCode.OK);
        var forbidden = await App.ClientAs(People.Chair).GetAsync($"/api/consultations/{consultationId}/links");

        var uses = listed["uses"]!.AsArray();
        Assert.Equal(2, uses.Count);
        Assert.Equal(("revoked", "api", TestApp.Epoch.AddMinutes(10)), (uses[0].Str("outcome"), uses[0].Str("via"), uses[0].Time("at")));
        Assert.Equal(("admitted", TestApp.Epoch), (uses[1].Str("outcome"), uses[1].Time("at")));
        Assert.All(uses, u => Assert.Equal(AdvisorUni, u.Str("advisor")));
        Assert.All(uses, u => Assert.Equal("203.0.113.7", u.Str("address")));
        Assert.Equal(AdvisorUni, Assert.Single(listed["revocations"]!.AsArray()).Str("advisor"));
        await forbidden.ProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Revocation_SurvivesARestart()
    {
        var folder = Path.Combine(Path.GetTempPath(), "focwf-tests", Guid.NewGuid().ToString("N"));
        var database = OnPostgres ? PostgresServer.NewDatabase() : null;
        try
        {
            string consultationId, token;
            using (var before = new TestApp(dataFolder: folder, postgresConnectionString: database))
            {
                (_, consultationId) = await OpenAsync(before);
                token = before.Services.GetRequiredService<AdvisorLinks>().CreateToken(AdvisorUni, consultationId, (await before.ConsultationAsync(consultationId)).ClosesAt);
                (await before.ClientAs(People.Secretariat).PostAsJsonAsync(Revoke(consultationId), new { advisor = AdvisorUni })).EnsureSuccessStatusCode();
            }

            using var after = new TestApp(dataFolder: folder, postgresConnectionString: database);
            var response = await after.CreateClient().GetAsync($"/api/consultations/{consultationId}?token={Uri.EscapeDataString(token)}");

            await response.ProblemAsync(HttpStatusCode.Unauthorized, "advisor-link-revoked");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (System.IO.Directory.Exists(folder)) System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    private sealed class FromAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, rest) =>
            {
                context.Connection.RemoteIpAddress = address;
                return rest(context);
            });
            next(app);
        };
    }
}
