using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FocWorkflows.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace FocWorkflows.Server.Tests.Deliberation.Directory;

public sealed class DirectoryApiTests : IDisposable
{
    private readonly TestApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task People_SampleDirectory_HasTwelveGovernmentsWithTwoDiplomatsEachAndEightAdvisors()
    {
        var people = (await _app.ClientAs(People.Chair).GetFromJsonAsync<JsonArray>("/api/people"))!;

        var diplomats = people.Where(p => p!["government"] is not null).GroupBy(p => p!["government"]!.GetValue<string>()).ToList();
        Assert.Equal(12, diplomats.Count);
        Assert.All(diplomats, g => Assert.Equal(2, g.Count()));
        Assert.Equal(8, people.Count(p => p!["roles"]!.AsArray().Any(r => r!.GetValue<string>() == "advisor")));
    }

    [Fact]
    public async Task SavePerson_BySecretariat_AddsThenUpdatesByEmail()
    {
        var client = _app.ClientAs(People.Secretariat);
        var body = new { email = "New.Advisor@Example.org", name = "Rosa Díaz", organisation = "Access Lab", timeZone = "America/Mexico_City", language = "es", roles = new[] { "advisor" } };

        var created = await client.PostAsJsonAsync("/api/people", body);
        var updated = await client.PostAsJsonAsync("/api/people", body with { });

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var saved = await _app.QueryAsync(db => db.People.Where(p => p.Email == "new.advisor@example.org").ToListAsync());
        Assert.Equal("America/Mexico_City", Assert.Single(saved).TimeZone);
    }

    [Fact]
    public async Task SavePerson_WithBadFields_Is400NamingEachField_AndSavesNothing()
    {
        var count = await _app.QueryAsync(db => db.People.CountAsync());

        var response = await _app.ClientAs(People.Secretariat).PostAsJsonAsync("/api/people",
            new { email = "not-an-email", name = "", timeZone = "Mars/Olympus", language = "zz-nope", roles = new[] { "emperor" }, government = "XX" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal(["email", "name", "timeZone", "language", "roles", "government"], errors.Select(e => e.Key));
        Assert.Equal(count, await _app.QueryAsync(db => db.People.CountAsync()));
    }

    [Fact]
    public async Task SavePerson_ByAMember_Is403()
    {
        var response = await _app.ClientAs(People.MemberCanada).PostAsJsonAsync("/api/people", new { email = "x@example.org", name = "X" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task TaskForces_SaveAndRead_KeepsLeadsAmongMembers()
    {
        var client = _app.ClientAs(People.Secretariat);

        var saved = await client.PostAsJsonAsync("/api/task-forces", new
        {
            id = "digital-equality", name = "Task Force on Digital Equality", mandate = "Close digital divides.",
            leadGovernments = new[] { "GH" }, memberGovernments = new[] { "KE", "CL" }, endDate = "2027-12-31",
        });
        var read = await client.GetFromJsonAsync<JsonObject>("/api/task-forces/digital-equality");

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(["KE", "CL", "GH"], read!["memberGovernments"]!.AsArray().Select(g => g!.GetValue<string>()));
        Assert.Equal("2027-12-31", read["endDate"]!.GetValue<string>());
    }

    [Fact]
    public async Task TaskForces_UnknownId_Is404_AndUnknownGovernment_Is400()
    {
        var client = _app.ClientAs(People.Secretariat);

        var missing = await client.GetAsync("/api/task-forces/nope");
        var bad = await client.PostAsJsonAsync("/api/task-forces", new { id = "x-tf", name = "X", leadGovernments = new[] { "ZZ" } });

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("leadGovernments", (await bad.Content.ReadAsStringAsync()));
    }
}
