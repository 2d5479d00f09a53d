namespace FocWorkflows.Designer.Ports;

public enum ActProblem { Invalid, Forbidden, NotFound, Conflict }

/// <summary>
/// The answer to an act on a deliberation page (respond, submit, dispose): done, or the server's
/// problem with its field errors keyed as the API keys them (<c>kind</c>, <c>reason</c>, <c>markdown</c>).
/// </summary>
public sealed record ActResult(ActProblem? Problem, string? Message, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Succeeded => Problem is null;

    public static readonly ActResult Done = new(null, null, new Dictionary<string, string[]>());

    public string? ErrorOf(string field) => Errors.TryGetValue(field, out var e) ? string.Join(" ", e) : null;
}
