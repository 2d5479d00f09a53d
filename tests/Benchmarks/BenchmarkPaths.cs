namespace FocWorkflows.Benchmarks;

/// <summary>
/// Where reports and seeded databases go: the repository's ignored artifacts folder. BenchmarkDotNet
/// runs each benchmark in a child process built below this project's bin folder, so walking up to the
/// solution file finds the same folder from the host and from every child.
/// </summary>
public static class BenchmarkPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Artifacts { get; } = Path.Combine(RepositoryRoot, "artifacts", "benchmarks");

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "FocWorkflows.sln"))) return folder.FullName;
        return Directory.GetCurrentDirectory();
    }
}
