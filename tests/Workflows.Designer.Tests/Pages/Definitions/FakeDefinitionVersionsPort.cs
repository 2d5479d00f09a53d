using FocWorkflows.Definitions.Model;
using FocWorkflows.Designer.Ports;

namespace FocWorkflows.Designer.Tests.Pages.Definitions;

/// <summary>Versions kept in memory; an import answers with a canned outcome and records what it was given.</summary>
internal sealed class FakeDefinitionVersionsPort : IDefinitionVersionsPort
{
    public List<WorkflowDefinition> Published { get; } = [];
    public ImportOutcome ImportAnswer { get; set; } = new(null, "native", false, []);
    public string? ImportedJson { get; private set; }

    public Task<IReadOnlyList<DefinitionVersion>> ListVersionsAsync(string id, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<DefinitionVersion>>([.. Published.Where(d => d.Id == id).OrderByDescending(d => d.Version)
            .Select(d => new DefinitionVersion(d.Version, d.Name, DateTimeOffset.UnixEpoch.AddDays(d.Version), "secretariat@foc.example"))]);

    public Task<WorkflowDefinition?> GetVersionAsync(string id, int version, CancellationToken ct) =>
        Task.FromResult(Published.FirstOrDefault(d => d.Id == id && d.Version == version));

    public Task<ImportOutcome> ImportAsync(string json, CancellationToken ct)
    {
        ImportedJson = json;
        return Task.FromResult(ImportAnswer);
    }
}
