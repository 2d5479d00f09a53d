using System.Text.RegularExpressions;

namespace FocWorkflows.Server.Tests.UseCases;

/// <summary>The house's walls, read from the source: EF Core only in Persistence; the engine knows no activity or domain type.</summary>
public sealed partial class BoundariesTests
{
    private static readonly string Server = Path.Combine(RepositoryRoot(), "Workflows.Server");

    [Fact]
    public void EntityFrameworkCore_IsReferencedOnlyUnderPersistence()
    {
        var outside = SourceFiles(Server)
            .Where(f => !Relative(f).StartsWith("Persistence/", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("Microsoft.EntityFrameworkCore", StringComparison.Ordinal))
            .Select(Relative).ToList();

        Assert.True(outside.Count == 0, $"EF Core outside Persistence/: {string.Join(", ", outside)}");
    }

    [Fact]
    public void Engine_ReferencesNoActivityLibraryOrDomainNamespace()
    {
        var leaks = SourceFiles(Path.Combine(Server, "Engine"))
            .SelectMany(f => DomainReference().Matches(File.ReadAllText(f)).Select(m => $"{Relative(f)}: {m.Value}"))
            .ToList();

        Assert.True(leaks.Count == 0, $"The engine names activities or the domain: {string.Join("; ", leaks)}");
    }

    [GeneratedRegex(@"FocWorkflows\.Server\.(Activities|Deliberation|Api|Designer|UseCases)\b|\b(Deliberation|HumanTaskActivity)\.\w+")]
    private static partial Regex DomainReference();

    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string Relative(string file) => Path.GetRelativePath(Server, file).Replace('\\', '/');

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "FocWorkflows.sln"))) return dir.FullName;
        throw new InvalidOperationException("FocWorkflows.sln not found above the test binaries.");
    }
}
