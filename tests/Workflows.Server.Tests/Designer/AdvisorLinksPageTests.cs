using System.Net;
using FocWorkflows.Server.Deliberation.Consultations;
using FocWorkflows.Server.Integrations.Graph;
using FocWorkflows.Server.Tests.Deliberation.Consultations;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static FocWorkflows.Server.Tests.Deliberation.Consultations.ConsultationKit;
using static FocWorkflows.Server.Tests.Designer.PageForms;

namespace FocWorkflows.Server.Tests.Designer;

/// <summary>The secretariat withdraws a link from the dispositions page; the advisor's page then says so and whom to write to.</summary>
public sealed class AdvisorLinksPageTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<(string ConsultationId, string AdvisorPage)> OpenAsync()
    {
        var (_, consultationId) = await ConsultationKit.OpenAsync(_app);
        var token = _app.Services.GetRequiredService<AdvisorLinks>().CreateToken(AdvisorUni, consultationId, (await _app.ConsultationAsync(consultationId)).ClosesAt);
        return (consultationId, $"/consultations/{consultationId}?token={Uri.EscapeDataString(token)}");
    }

    [Fact]
    public async Task Dispositions_TheSecretariatWithdrawsOneAdvisorsLink_ThenTheirPageSaysItWasWithdrawnAndWhomToWriteTo()
    {
        var (consultationId, advisorPage) = await OpenAsync();
        Assert.Equal(HttpStatusCode.OK, (await _app.Browser().GetAsync(advisorPage)).StatusCode);
        var secretariat = await _app.SignedInAsync(People.Secretariat);
        var url = $"/consultations/{consultationId}/dispositions";

        var before = WebUtility.HtmlDecode(await secretariat.GetStringAsync(url));
        var posted = await SubmitAsync(secretariat, url, "revoke-links", new() { ["Advisor"] = AdvisorUni, ["Reason"] = "Forwarded to a journalist." });
        var after = WebUtility.HtmlDecode(await secretariat.GetStringAsync(posted.Headers.Location!.OriginalString));
        var refused = await _app.Browser().GetAsync(advisorPage);
        var refusal = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Contains("Advisor links", before);
        Assert.Contains("admitted", before); // the advisor's visit, listed with its address and outcome
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains("Withdrawn: the link no longer opens this consultation", after);
        Assert.Contains("Tomás Ortega (advisor.uni@foc.example), ", after);
        var revocation = Assert.Single(await _app.QueryAsync(db => db.Set<AdvisorLinkRevocation>().ToListAsync()));
        Assert.Equal((AdvisorUni, People.Secretariat, "Forwarded to a journalist."), (revocation.Email, revocation.RevokedBy, revocation.Reason));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("This link was withdrawn", refusal);
        Assert.Contains("write to Sam Okafor (secretariat@foc.example)", refusal);
        Assert.DoesNotContain("advisor-comment", refusal);
    }

    [Fact]
    public async Task Dispositions_ForTheChair_OffersNoWithdrawal()
    {
        var (consultationId, _) = await OpenAsync();
        var chair = await _app.SignedInAsync(People.Chair);

        var page = await chair.GetStringAsync($"/consultations/{consultationId}/dispositions");

        Assert.DoesNotContain("Advisor links", page);
        Assert.DoesNotContain("revoke-form", page);
    }

    [Fact]
    public async Task AdvisorPage_PostedAfterEveryLinkWasWithdrawn_StoresNothingAndGivesTheTextBack()
    {
        var (consultationId, advisorPage) = await OpenAsync();
        var browser = _app.Browser();
        var page = await browser.GetStringAsync(advisorPage);
        await _app.PostAsync(People.Secretariat, $"/api/consultations/{consultationId}/links/revoke", new { reason = "Wrong list." });

        var response = await browser.PostAsync(advisorPage, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "advisor-comment", ["__RequestVerificationToken"] = Token(page), ["Model.Paragraph"] = "1", ["Model.Text"] = "My late thought.",
        }));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("This link was withdrawn", html);
        Assert.Contains("My late thought.", html);
        Assert.Empty(await _app.CommentsAsync(consultationId));
    }
}
