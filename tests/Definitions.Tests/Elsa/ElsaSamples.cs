using System.Text;

namespace FocWorkflows.Definitions.Tests.Elsa;

/// <summary>The Elsa 3 sample files, read as raw text so a leading byte-order mark reaches the importer.</summary>
internal static class ElsaSamples
{
    public const string HelloWorld = "hello-world.json";
    public const string Fork = "fork.json";
    public const string JoinAll = "join-all-1.json";
    public const string JoinAny = "join-any-1.json";
    public const string ImplicitLoop = "implicit-loop.json";
    public const string Timer = "timer-workflow.json";

    public static readonly string[] All = [HelloWorld, Fork, JoinAll, JoinAny, ImplicitLoop, Timer];

    public static TheoryData<string> Names() => [.. All];

    public static string Read(string file) =>
        Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Elsa", "Samples", file)));
}
