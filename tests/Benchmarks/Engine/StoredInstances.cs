using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FocWorkflows.Server.Engine.Running;
using FocWorkflows.Server.Engine.State;
using Microsoft.EntityFrameworkCore;

namespace FocWorkflows.Benchmarks.Engine;

/// <summary>
/// A database holding many waiting <see cref="StoredInstance"/>s (100,000 unless FOCWF_BENCH_STORED says
/// otherwise, for a smoke run). Seeding through the engine takes minutes, and BenchmarkDotNet runs each
/// benchmark in its own process, so the seeded file is kept in artifacts/benchmarks/seeds and reused by
/// later processes, but only by the same build of the server and of these benchmarks: a changed engine
/// seeds afresh, so no figure is ever taken on rows an older engine wrote.
/// </summary>
public static class StoredInstances
{
    public const string CountVariable = "FOCWF_BENCH_STORED";

    /// <summary>Every this many instances, the task goes to <see cref="InboxReader"/>; the others to people not in the directory.</summary>
    public const int InboxEvery = 1_000;

    /// <summary>A person of the sample directory, who can sign in (development header) and read an inbox.</summary>
    public const string InboxReader = "diplomat.ca@foc.example";

    public static int Count { get; } = int.TryParse(Environment.GetEnvironmentVariable(CountVariable), out var n) && n > 0 ? n : 100_000;

    /// <summary>How many open tasks the inbox reader has: every <see cref="InboxEvery"/>th instance's.</summary>
    public static int InboxSize => (Count + InboxEvery - 1) / InboxEvery;

    public static string Key(int i) => $"stored-{i}";

    private static string Assignee(int i) => i % InboxEvery == 0 ? InboxReader : $"member{i % InboxEvery}@foc.example";

    /// <summary>The path of the seeded database file, seeding it first when this build has none.</summary>
    public static async Task<string> DatabaseAsync()
    {
        var folder = Path.Combine(BenchmarkPaths.Artifacts, "seeds");
        var file = Path.Combine(folder, $"stored-{Count}-{BuildId()}.db");
        var note = file + ".txt";
        if (File.Exists(file))
        {
            Console.WriteLine($"// Reusing {file}: {(File.Exists(note) ? File.ReadAllText(note).Trim() : "seeded earlier")}");
            return file;
        }
        Directory.CreateDirectory(folder);
        await using var engine = await EngineHost.StartAsync(StoredInstance.Definition);
        var took = await InstanceSeeder.StartManyAsync(engine, Count, i => new StartRequest(StoredInstance.DefinitionId, null,
            new JsonObject { ["key"] = Key(i), ["assignee"] = Assignee(i) }, "benchmark@foc.example"), StoredInstance.DefinitionId);
        await CheckAsync(engine);
        // Written under a temporary name and moved, so an interrupted seed never leaves a file that looks complete.
        var partial = file + ".partial";
        File.Delete(partial);
        await engine.SaveCopyAsync(partial);
        File.Move(partial, file, overwrite: true);
        await File.WriteAllTextAsync(note, $"{Count:N0} instances seeded in {took.TotalSeconds:N1} s " +
            $"({Count / took.TotalSeconds:N0} starts/s, {InstanceSeeder.Callers} callers) on {DateTimeOffset.Now:yyyy-MM-dd HH:mm}");
        return file;
    }

    /// <summary>The seed must hold what the scenarios rely on: every instance waiting, with its task and its event bookmark.</summary>
    private static async Task CheckAsync(EngineHost engine)
    {
        var (waiting, tasks, events) = await engine.QueryAsync(async db => (
            await db.Instances.CountAsync(i => i.Status == InstanceStatus.Waiting),
            await db.Tasks.CountAsync(t => t.Status == HumanTaskStatus.Open),
            await db.Bookmarks.CountAsync(b => b.Kind == BookmarkKinds.Event)));
        if (waiting != Count || tasks != Count || events != Count)
            throw new InvalidOperationException($"Expected {Count} waiting instances, open tasks and event bookmarks; found {waiting}, {tasks}, {events}.");
    }

    // The module version ids change with every change to the code compiled into them (builds are deterministic).
    private static string BuildId()
    {
        var ids = string.Join("|", new[] { typeof(WorkflowRuntime), typeof(StoredInstance), typeof(FocWorkflows.Definitions.Model.WorkflowDefinition) }
            .Select(t => t.Assembly.ManifestModule.ModuleVersionId));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ids)))[..12];
    }
}
