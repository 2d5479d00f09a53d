using System.Diagnostics;
using System.Globalization;

namespace FocWorkflows.Benchmarks.Engine;

/// <summary>
/// The benchmark process's resident memory (working set), noted by the benchmark itself, since
/// BenchmarkDotNet runs it in a child process and its own memory figures count allocations, not
/// residency. Printed to the log and kept in a small file that <see cref="ResidentMemoryColumn"/> reads
/// into the summary. The server runs in this process, so this is the server's residency plus the
/// harness's (small) share; the target is a server under 300 MB.
/// </summary>
public static class ResidentMemory
{
    public const string AfterSetup = "after setup";
    public const string AtEnd = "at end";

    /// <summary>Not a moment: the highest working set up to the last note.</summary>
    public const string Peak = "peak";

    /// <summary>Notes the working set after a full collection (what stays, not garbage not yet collected), and the peak so far.</summary>
    public static void Note(string benchmark, string moment)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var now = process.WorkingSet64 / 1024 / 1024;
        var peak = process.PeakWorkingSet64 / 1024 / 1024;
        Console.WriteLine($"// Resident memory of {benchmark} {moment}: {now:N0} MB (peak so far {peak:N0} MB)");
        Directory.CreateDirectory(Folder);
        // A note after setup starts the file afresh, so no figure of an earlier run is left in it.
        var lines = File.Exists(FileOf(benchmark)) && moment != AfterSetup ? File.ReadAllLines(FileOf(benchmark)).ToList() : [];
        lines.RemoveAll(l => l.StartsWith(moment + "=", StringComparison.Ordinal) || l.StartsWith(Peak + "=", StringComparison.Ordinal));
        lines.Add($"{moment}={now}");
        lines.Add($"{Peak}={peak}");
        File.WriteAllLines(FileOf(benchmark), lines);
    }

    /// <summary>The noted figure in MB, or null when this benchmark noted none.</summary>
    public static long? Read(string benchmark, string moment)
    {
        if (!File.Exists(FileOf(benchmark))) return null;
        var line = File.ReadAllLines(FileOf(benchmark)).FirstOrDefault(l => l.StartsWith(moment + "=", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line[(moment.Length + 1)..], CultureInfo.InvariantCulture);
    }

    private static string Folder => Path.Combine(BenchmarkPaths.Artifacts, "resident-memory");

    private static string FileOf(string benchmark) => Path.Combine(Folder, benchmark + ".txt");
}
