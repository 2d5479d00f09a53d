using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using FocWorkflows.Server.Engine.Running;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace FocWorkflows.Benchmarks.Engine;

/// <summary>
/// The real server (its Program, middleware, authentication and endpoints) on Kestrel at a loopback
/// port, in this process, as the end-to-end tests run it, on a copy of a seeded database. Requests go
/// over real sockets; only the process is shared. Background work is off (timer worker, outbox
/// dispatcher, journal check), so nothing but the measured requests runs. The factory is named by a type
/// of the server's assembly rather than its Program, which this program's own Program hides.
/// </summary>
public sealed class InboxServer : WebApplicationFactory<WorkflowRuntime>
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "focwf-bench", Guid.NewGuid().ToString("N"));

    public InboxServer(string databaseFile)
    {
        Directory.CreateDirectory(_dataFolder);
        File.Copy(databaseFile, Path.Combine(_dataFolder, EngineHost.DatabaseFileName));
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    public string BaseUrl { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:DataFolder", _dataFolder);
        // The sample directory holds the inbox reader, who signs in with the development header.
        builder.UseSetting("Seed:SampleDirectory", "true");
        builder.UseSetting("Seed:StandardWorkflows", "false");
        builder.UseSetting("Engine:RunTimerWorker", "false");
        builder.UseSetting("Engine:RunJournalCheck", "false");
        builder.UseSetting("Graph:RunDispatcher", "false");
        builder.UseSetting("Authentication:AllowDevelopmentSignIn", "true");
        builder.UseSetting("Authentication:CookieSecurePolicy", "SameAsRequest");
    }

    /// <summary>An HTTP client over the loopback socket, signed in (development header) as the given directory e-mail.</summary>
    public HttpClient ClientAs(string email)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        client.DefaultRequestHeaders.Add("X-Dev-User", email);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (disposing && Directory.Exists(_dataFolder)) Directory.Delete(_dataFolder, recursive: true);
    }
}
