using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace FocWorkflows.Server.Tests.Infrastructure;

/// <summary>
/// A throw-away PostgreSQL server for the tests: a fresh cluster in a temporary folder on a free
/// port, started once per test run and stopped when the run ends. Each test app gets its own
/// database on it. Needs Debian's <c>postgresql</c> package, which <c>scripts/test.sh</c> installs.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<string> Server = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A connection string to a new, empty database.</summary>
    public static string NewDatabase()
    {
        var name = "foc_" + Guid.NewGuid().ToString("N")[..12];
        using (var connection = new NpgsqlConnection(Server.Value + ";Database=postgres"))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            create.ExecuteNonQuery();
        }
        // Many apps share the one test server: a small pool each, so a test's burst of requests waits for a
        // connection instead of taking the server's last ones from tests running beside it.
        return $"{Server.Value};Database={name};Maximum Pool Size=20";
    }

    private static string Start()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            : null;
        if (bin is null)
            throw new InvalidOperationException("PostgreSQL server binaries are not installed (/usr/lib/postgresql/*/bin/initdb). " +
                "Run ./scripts/test.sh, which installs Debian's postgresql package, or apt-get install postgresql.");

        var folder = Path.Combine(Path.GetTempPath(), "focwf-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var port = FreePort();
        var asRoot = Environment.UserName == "root";
        if (asRoot) Run("chown", $"postgres:postgres {folder}");
        RunAs(asRoot, Path.Combine(bin, "initdb"), $"-D {folder}/data -U postgres --auth=trust -E UTF8 --no-sync");
        RunAs(asRoot, Path.Combine(bin, "pg_ctl"),
            $"-D {folder}/data -o \"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300\" -l {folder}/log -w start");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { RunAs(asRoot, Path.Combine(bin, "pg_ctl"), $"-D {folder}/data -m immediate stop"); Directory.Delete(folder, true); }
            catch (Exception) { /* the run is over; a leftover temp folder is harmless */ }
        };
        return $"Host=127.0.0.1;Port={port};Username=postgres;Maximum Pool Size=100";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void RunAs(bool asRoot, string program, string arguments)
    {
        // PostgreSQL refuses to run as root: run its tools as the postgres user.
        if (asRoot) Run("runuser", $"-u postgres -- {program} {arguments}");
        else Run(program, arguments);
    }

    private static void Run(string program, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", $"{program} {arguments}"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"'{program} {arguments}' failed ({process.ExitCode}): {error} {output.Result}");
    }
}
