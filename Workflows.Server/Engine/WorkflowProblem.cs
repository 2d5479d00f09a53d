namespace FocWorkflows.Server.Engine;

public enum ProblemKind { Invalid, Forbidden, NotFound, Conflict, Unprocessable }

/// <summary>
/// A request the workflow cannot honour, with what is wrong and where. The API turns it into a
/// ProblemDetails response (400, 403, 404, 409, 422); nothing was written.
/// </summary>
public sealed class WorkflowProblem(ProblemKind kind, string title, string detail, IReadOnlyDictionary<string, string[]>? errors = null)
    : Exception(detail)
{
    public ProblemKind Kind { get; } = kind;
    public string Title { get; } = title;
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors ?? new Dictionary<string, string[]>();

    public static WorkflowProblem NotFound(string what, string id) => new(ProblemKind.NotFound, $"{what} not found", $"There is no {what.ToLowerInvariant()} '{id}'.");

    public static WorkflowProblem Conflict(string title, string detail) => new(ProblemKind.Conflict, title, detail);

    public static WorkflowProblem Forbidden(string detail) => new(ProblemKind.Forbidden, "Not allowed", detail);

    public static WorkflowProblem Invalid(string title, IReadOnlyDictionary<string, string[]> errors) =>
        new(ProblemKind.Invalid, title, string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join("; ", e.Value)}")), errors);
}
