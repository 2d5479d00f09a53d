using FocWorkflows.Designer.Ports;
using FocWorkflows.Server.Deliberation;
using FocWorkflows.Server.Deliberation.Directory;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.UseCases;

namespace FocWorkflows.Server.Designer;

/// <summary>The engine's problems as the deliberation pages show them, and the signed-in person as an actor.</summary>
internal static class PortProblems
{
    public static async Task<ActResult> ActAsync(Func<Task> run)
    {
        try
        {
            await run();
            return ActResult.Done;
        }
        catch (WorkflowProblem problem)
        {
            var kind = problem.Kind switch
            {
                ProblemKind.Forbidden => ActProblem.Forbidden,
                ProblemKind.NotFound => ActProblem.NotFound,
                ProblemKind.Conflict => ActProblem.Conflict,
                _ => ActProblem.Invalid,
            };
            return new ActResult(kind, problem.Errors.Count > 0 ? problem.Title : problem.Message, problem.Errors);
        }
    }

    public static async Task<Acting> ActingAsync(IDirectory directory, string email, CancellationToken ct)
    {
        var person = await directory.FindPersonAsync(email, ct) ?? throw WorkflowProblem.Forbidden("You are not in the directory.");
        return new Acting(person.Email, null, person);
    }

    /// <summary>The signed-in person, or whom the secretariat acts for: the API's <c>onBehalfOf</c> rule, with the directory's roles.</summary>
    public static async Task<Acting> ActingAsync(IDirectory directory, string email, string? onBehalfOf, CancellationToken ct)
    {
        var self = await ActingAsync(directory, email, ct);
        return string.IsNullOrWhiteSpace(onBehalfOf) ? self
            : await Acting.OnBehalfAsync(self.Email, self.Person.HasRole(Roles.Secretariat), onBehalfOf, directory, ct);
    }

    /// <summary>The signed-in person as the use cases take them: through the Designer's pages.</summary>
    public static Caller ThroughPages(string viewerEmail) => new(viewerEmail, Door.Designer);

    public static string Camel(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);
}
