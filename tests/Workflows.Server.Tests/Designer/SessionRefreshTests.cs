using System.Net;
using System.Net.Http.Json;
using FocWorkflows.Server.Api.Auth;
using FocWorkflows.Server.Tests.Infrastructure;

namespace FocWorkflows.Server.Tests.Designer;

/// <summary>A signed-in session follows the directory: the secretariat's changes reach it within minutes.</summary>
public sealed class SessionRefreshTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    private Task<HttpResponseMessage> SetRolesAsync(string email, string name, params string[] roles) =>
        _app.ClientAs(People.Secretariat).PostAsJsonAsync("/api/people", new { email, name, roles });

    [Fact]
    public async Task RoleTakenAway_ClosesTheChairsPagesAtTheNextRefresh_NotBefore()
    {
        var chair = await _app.SignedInAsync(People.Chair);
        Assert.Equal(HttpStatusCode.OK, (await chair.GetAsync("/outbox")).StatusCode);

        (await SetRolesAsync(People.Chair, "Former Chair", "member")).EnsureSuccessStatusCode();

        _app.Clock.Advance(SessionRefresh.Interval - TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, (await chair.GetAsync("/outbox")).StatusCode);

        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        var refused = await chair.GetAsync("/outbox");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Former Chair", await chair.GetStringAsync("/"));
    }

    [Fact]
    public async Task RoleGiven_OpensTheLaunchPageWithoutSigningInAgain()
    {
        var member = await _app.SignedInAsync(People.MemberCanada);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/outbox")).StatusCode);

        (await SetRolesAsync(People.MemberCanada, "Canada's co-chair", "member", "co-chair")).EnsureSuccessStatusCode();
        _app.Clock.Advance(SessionRefresh.Interval + TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/outbox")).StatusCode);
    }
}
