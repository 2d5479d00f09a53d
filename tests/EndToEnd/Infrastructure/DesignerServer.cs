using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace FocWorkflows.EndToEnd.Infrastructure;

/// <summary>
/// The real server on a loopback port that a browser can reach, on its own SQLite file in a
/// temporary folder, with the standard FOC workflows published and the real clock. Timers and the
/// outbox are not run in the background: no scenario waits for them.
/// </summary>
public sealed class DesignerServer : WebApplicationFactory<Program>
{
    public DesignerServer()
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().TrimEnd('/');
    }

    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "focwf-e2e", Guid.NewGuid().ToString("N"));

    /// <summary>Where the browser reaches the server, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development the RCL's and the framework's assets (CSS, blazor.web.js) are only found through the build manifest.
        builder.UseStaticWebAssets();
        builder.UseSetting("Storage:DataFolder", DataFolder);
        builder.UseSetting("Seed:SampleDirectory", "true");
        builder.UseSetting("Seed:StandardWorkflows", "true");
        builder.UseSetting("Engine:RunTimerWorker", "false");
        builder.UseSetting("Graph:RunDispatcher", "false");
        // Outside the Development environment, as a test server is: development sign-in on purpose, over plain http.
        builder.UseSetting("Authentication:AllowDevelopmentSignIn", "true");
        builder.UseSetting("Authentication:CookieSecurePolicy", "SameAsRequest");
    }

    /// <summary>An HTTP client for the API, signed in (development header) as the given directory e-mail.</summary>
    public HttpClient ApiAs(string email)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        client.DefaultRequestHeaders.Add("X-Dev-User", email);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (disposing && Directory.Exists(DataFolder)) Directory.Delete(DataFolder, recursive: true);
    }
}
