namespace FocWorkflows.EndToEnd.Infrastructure;

/// <summary>Folders of the repository, found from the test assembly's location.</summary>
public static class Artifacts
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(RepositoryRoot, "artifacts", "screenshots")).FullName;

    public static string AxeScript => Path.Combine(RepositoryRoot, "tests", "EndToEnd", "axe", "node_modules", "axe-core", "axe.min.js");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "FocWorkflows.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No FocWorkflows.sln above {AppContext.BaseDirectory}.");
    }
}
