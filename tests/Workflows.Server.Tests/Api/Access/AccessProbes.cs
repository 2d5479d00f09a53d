using System.Text.Json.Nodes;
using FocWorkflows.Server.Tests.Designer;
using FocWorkflows.Server.Tests.Infrastructure;

namespace FocWorkflows.Server.Tests.Api.Access;

/// <summary>
/// How each route of the matrix is called in the seeded world: a request that succeeds for whoever the matrix lets
/// in, so a 2xx means "allowed" and never "allowed, but the request was bad". Requests that use something up (cancel,
/// close, complete, publish, retry) get a fresh one each time.
/// </summary>
internal static class AccessProbes
{
    private delegate Task<HttpResponseMessage> Probe(AccessWorld w, Caller c);

    private static Probe Get(Func<AccessWorld, string> path) => (w, c) => w.SendAsync(c, HttpMethod.Get, path(w));

    private static Probe Send(HttpMethod method, Func<AccessWorld, string> path, object? body = null) => (w, c) => w.SendAsync(c, method, path(w), body);

    private static Probe Send(HttpMethod method, Func<AccessWorld, Task<string>> path, object? body = null) =>
        async (w, c) => await w.SendAsync(c, method, await path(w), body);

    private static readonly object Definition = JsonNode.Parse("""
        {"id":"access-probe","name":"Probe","activities":[{"id":"start","type":"control.start"},{"id":"end","type":"control.end"}],
         "connections":[{"from":"start","outcome":"Done","to":"end"}]}
        """)!;

    private static readonly Dictionary<string, Probe> Probes = new()
    {
        ["GET /api/activities"] = Get(_ => "/api/activities"),
        ["GET /api/definitions"] = Get(_ => "/api/definitions"),
        ["GET /api/definitions/{id}"] = Get(_ => "/api/definitions/joint-statement"),
        ["GET /api/definitions/{id}/versions"] = Get(_ => "/api/definitions/joint-statement/versions"),
        ["GET /api/definitions/{id}/versions/{version:int}"] = Get(_ => "/api/definitions/joint-statement/versions/1"),
        ["GET /api/definitions/{id}/export"] = Get(_ => "/api/definitions/joint-statement/export"),
        ["PUT /api/definitions/{id}"] = Send(HttpMethod.Put, _ => "/api/definitions/access-probe", Definition),
        ["POST /api/definitions/{id}/publish"] = Send(HttpMethod.Post, async w => $"/api/definitions/{await w.FreshDraftDefinitionAsync()}/publish"),
        ["POST /api/definitions/validate"] = Send(HttpMethod.Post, _ => "/api/definitions/validate", Definition),
        ["POST /api/definitions/import"] = Send(HttpMethod.Post, _ => "/api/definitions/import", Definition),

        ["POST /api/instances"] = Send(HttpMethod.Post, _ => "/api/instances",
            new { definitionId = "joint-statement", input = new { taskForceId = AccessWorld.TaskForce, title = "Launched by a probe" } }),
        ["GET /api/instances"] = Get(_ => "/api/instances"),
        ["GET /api/instances/{id}"] = Get(w => $"/api/instances/{w.Statement}"),
        ["GET /api/instances/{id}/journal"] = Get(w => $"/api/instances/{w.Statement}/journal"),
        ["GET /api/instances/{id}/journal/verify"] = Get(w => $"/api/instances/{w.Statement}/journal/verify"),
        ["GET /api/journal/verify"] = Get(_ => "/api/journal/verify"),
        ["POST /api/instances/{id}/cancel"] = Send(HttpMethod.Post, async w => $"/api/instances/{await w.FreshStatementAsync()}/cancel", new { reason = "A probe." }),
        ["POST /api/instances/{id}/retry"] = Send(HttpMethod.Post, w => $"/api/instances/{w.Faulted}/retry"),
        ["POST /api/instances/{id}/drafts"] = Send(HttpMethod.Post, async w => $"/api/instances/{await w.FreshStatementAsync()}/drafts", new { markdown = "A probe's draft." }),
        ["POST /api/instances/{id}/drafts/docx"] = Send(HttpMethod.Post, async w => $"/api/instances/{await w.FreshStatementAsync()}/drafts/docx",
            (Func<HttpContent>)(() => new MultipartFormDataContent
            {
                { new ByteArrayContent(Word.WordDocuments.Create(Word.WordDocuments.P("A probe's draft."))), "file", "probe.docx" },
            })),
        ["GET /api/instances/{id}/drafts"] = Get(w => $"/api/instances/{w.Statement}/drafts"),
        ["GET /api/instances/{id}/drafts/{number:int}"] = Get(w => $"/api/instances/{w.Statement}/drafts/2"),
        ["GET /api/instances/{id}/drafts/{number:int}.docx"] = Get(w => $"/api/instances/{w.Statement}/drafts/2.docx"),
        ["GET /api/instances/{id}/drafts/{from:int}/diff/{to:int}"] = Get(w => $"/api/instances/{w.Statement}/drafts/1/diff/2"),
        ["GET /api/instances/{id}/drafts/{from:int}/diff/{to:int}.docx"] = Get(w => $"/api/instances/{w.Statement}/drafts/1/diff/2.docx"),

        ["GET /api/tasks"] = Get(_ => "/api/tasks"),
        ["GET /api/tasks/{id}"] = Get(w => $"/api/tasks/{w.AdvisoryTask}"),
        ["POST /api/tasks/{id}/complete"] = Send(HttpMethod.Post, async w => $"/api/tasks/{await w.FreshTaskAsync()}/complete", new { action = "Complete" }),
        ["POST /api/events/{name}"] = Send(HttpMethod.Post, _ => "/api/events/probe", new { correlationKey = "nothing-waits" }),

        ["GET /api/people"] = Get(_ => "/api/people"),
        ["POST /api/people"] = Send(HttpMethod.Post, _ => "/api/people", new { email = "probe@foc.example", name = "A probe", roles = new[] { "observer" } }),
        ["GET /api/task-forces"] = Get(_ => "/api/task-forces"),
        ["GET /api/task-forces/{id}"] = Get(_ => $"/api/task-forces/{AccessWorld.TaskForce}"),
        ["POST /api/task-forces"] = Send(HttpMethod.Post, _ => "/api/task-forces", new { id = "probe-force", name = "A probe's task force" }),

        ["GET /api/consultations/{id}"] = Get(w => $"/api/consultations/{w.Advisory}"),
        ["GET /api/consultations/{id}/draft.docx"] = Get(w => $"/api/consultations/{w.Advisory}/draft.docx"),
        ["GET /api/consultations/{id}/comments"] = Get(w => $"/api/consultations/{w.Advisory}/comments"),
        ["POST /api/consultations/{id}/comments"] = Send(HttpMethod.Post, w => $"/api/consultations/{w.Advisory}/comments", new { paragraph = 1, text = "A probe's comment." }),
        ["POST /api/consultations/{id}/close"] = Send(HttpMethod.Post, async w => $"/api/consultations/{await w.FreshConsultationAsync()}/close", new { reason = "A probe." }),
        ["POST /api/consultations/{id}/extend"] = Send(HttpMethod.Post, w => $"/api/consultations/{w.Advisory}/extend", new { by = "P1D", reason = "A probe." }),
        ["POST /api/consultations/{id}/withdraw"] = Send(HttpMethod.Post, async w => $"/api/consultations/{await w.FreshConsultationAsync()}/withdraw", new { reason = "A probe." }),
        ["GET /api/consultations/{id}/dispositions"] = Get(w => $"/api/consultations/{w.Advisory}/dispositions"),
        ["GET /api/consultations/{id}/dispositions.csv"] = Get(w => $"/api/consultations/{w.Advisory}/dispositions.csv"),
        ["GET /api/consultations/{id}/dispositions.md"] = Get(w => $"/api/consultations/{w.Advisory}/dispositions.md"),
        ["GET /api/consultations/{id}/dispositions.docx"] = Get(w => $"/api/consultations/{w.Advisory}/dispositions.docx"),
        ["PUT /api/consultations/{id}/dispositions/{commentId}"] = Send(HttpMethod.Put, async w =>
        {
            // Fresh each time: the first disposal allowed answers the only comment and ends the step.
            var (consultation, comment) = await w.FreshDisposalAsync();
            return $"/api/consultations/{consultation}/dispositions/{comment}";
        }, new { decision = "noted" }),
        ["GET /api/consultations/{id}/links"] = Get(w => $"/api/consultations/{w.Advisory}/links"),
        ["POST /api/consultations/{id}/links/revoke"] = Send(HttpMethod.Post, w => $"/api/consultations/{w.DisposingConsultation}/links/revoke",
            new { advisor = "advisor.tech@foc.example", reason = "A probe." }),

        ["GET /api/approvals/{id}"] = Get(w => $"/api/approvals/{w.Round}"),
        ["POST /api/approvals/{id}/responses"] = Send(HttpMethod.Post, w => $"/api/approvals/{w.Round}/responses", new { kind = "endorse" }),
        ["POST /api/approvals/{id}/extend"] = Send(HttpMethod.Post, w => $"/api/approvals/{w.Round}/extend", new { by = "P1D", reason = "A probe." }),
        ["POST /api/approvals/{id}/withdraw"] = Send(HttpMethod.Post, async w => $"/api/approvals/{await w.FreshRoundAsync()}/withdraw", new { reason = "A probe." }),

        ["GET /api/publications"] = Get(_ => "/api/publications"),
        ["GET /api/publications/{id}"] = Get(w => $"/api/publications/{w.Embargoed}"),
        ["GET /api/publications/{id}.docx"] = Get(w => $"/api/publications/{w.Embargoed}.docx"),
        ["PUT /api/publications/{id}/translations/{language}"] = Send(HttpMethod.Put, w => $"/api/publications/{w.Embargoed}/translations/fr",
            new { markdown = "Les États doivent protéger les droits." }),

        ["GET /api/outbox"] = Get(_ => "/api/outbox"),
        ["GET /api/outbox/{id}"] = Send(HttpMethod.Get, async w => $"/api/outbox/{await w.HeldMessageAsync()}"),
        ["POST /api/outbox/{id}/retry"] = Send(HttpMethod.Post, async w => $"/api/outbox/{await w.HeldMessageAsync()}/retry"),

        ["POST /account/signin"] = SignInAsync,
        ["POST /account/signout"] = SignOutAsync,
        ["* /health/live"] = Get(_ => "/health/live"),
        ["* /health/ready"] = Get(_ => "/health/ready"),
        ["GET /openapi/{documentName}.json"] = Get(_ => "/openapi/v1.json"),
        ["GET /api-docs/{documentName?}"] = Get(_ => "/api-docs/v1"),
        ["GET /api-docs/scalar.js"] = Get(_ => "/api-docs/scalar.js"),
        ["GET /api-docs/scalar.aspnetcore.js"] = Get(_ => "/api-docs/scalar.aspnetcore.js"),
        ["GET /api-docs/favicon.svg"] = Get(_ => "/api-docs/favicon.svg"),
        [AccessMatrix.StaticAssets] = Get(_ => "/_content/Workflows.Designer/designer.css"),
        ["GET,HEAD /{**path:file}"] = Get(_ => "/no-such-file.txt"),
        ["* /_blazor/negotiate"] = Send(HttpMethod.Post, _ => "/_blazor/negotiate?negotiateVersion=1"),
        ["* /_blazor"] = BlazorPollAsync,
        ["* /_blazor/disconnect"] = Send(HttpMethod.Post, _ => "/_blazor/disconnect"),
        ["* /_blazor/initializers"] = Get(_ => "/_blazor/initializers"),
        ["GET /_framework/opaque-redirect"] = Get(_ => "/_framework/opaque-redirect?url=not-sealed-by-this-server"),

        ["GET,POST /"] = Get(_ => "/"),
        ["GET,POST /signin"] = Get(_ => "/signin"),
        ["GET,POST /inbox"] = Get(_ => "/inbox"),
        ["GET,POST /instances"] = Get(_ => "/instances"),
        ["GET,POST /instances/{Id}"] = Get(w => $"/instances/{w.Statement}"),
        ["GET,POST /launch/{DefinitionId}"] = Get(_ => "/launch/joint-statement"),
        ["GET,POST /definitions/{Id}"] = Get(_ => "/definitions/joint-statement"),
        ["GET,POST /definitions/import"] = Get(_ => "/definitions/import"),
        ["GET,POST /definitions/{Id}/versions"] = Get(_ => "/definitions/joint-statement/versions"),
        ["GET,POST /consultations/{Id}"] = Get(w => $"/consultations/{w.Advisory}"),
        ["GET,POST /consultations/{Id}/dispositions"] = Get(w => $"/consultations/{w.Advisory}/dispositions"),
        ["GET,POST /approvals/{Id}"] = Get(w => $"/approvals/{w.Round}"),
        ["GET,POST /instances/{InstanceId}/drafts/latest"] = Get(w => $"/instances/{w.Statement}/drafts/latest"),
        ["GET,POST /instances/{InstanceId}/drafts/{Number:int}"] = Get(w => $"/instances/{w.Statement}/drafts/1"),
        ["GET,POST /instances/{InstanceId}/drafts/{From:int}/diff/{To:int}"] = Get(w => $"/instances/{w.Statement}/drafts/1/diff/2"),
        ["GET,POST /outbox"] = Get(_ => "/outbox"),
    };

    public static IReadOnlyCollection<string> Routes => Probes.Keys;

    public static Task<HttpResponseMessage> SendAsync(string route, AccessWorld world, Caller caller) => Probes[route](world, caller);

    /// <summary>Anyone may sign in (development mode): in a browser of their own, so the caller's session stays as it is.</summary>
    private static async Task<HttpResponseMessage> SignInAsync(AccessWorld w, Caller c)
    {
        var browser = w.App.Browser();
        var page = await browser.GetStringAsync("/signin");
        return await browser.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = AccessWorld.EmailOf(c) ?? People.Chair, ["returnUrl"] = "/", ["__RequestVerificationToken"] = PageForms.Token(page),
        }));
    }

    private static async Task<HttpResponseMessage> SignOutAsync(AccessWorld w, Caller c)
    {
        var browser = AccessWorld.EmailOf(c) is { } email && c != Caller.Link ? await w.App.SignedInAsync(email) : w.App.Browser();
        return await browser.PostAsync("/account/signout", null);
    }

    /// <summary>The circuit's transport: negotiate a connection, then its first long poll, as the caller.</summary>
    private static async Task<HttpResponseMessage> BlazorPollAsync(AccessWorld w, Caller c)
    {
        var negotiated = await w.SendAsync(c, HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        var token = (await negotiated.BodyAsync()).Str("connectionToken");
        return await w.SendAsync(c, HttpMethod.Get, $"/_blazor?id={Uri.EscapeDataString(token)}");
    }
}
