using System.Diagnostics;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Observability;

namespace FocWorkflows.Server.UseCases;

/// <summary>
/// A span per use case, named after it and tagged with the door it came through and how it ended: a trace
/// shows what people did, and a test can see that both doors reach the same use case.
/// </summary>
public static class UseCaseTrace
{
    public const string UseCaseTag = "focwf.use_case";
    public const string DoorTag = "focwf.door";
    public const string OutcomeTag = "focwf.use_case.outcome";
    public const string SubjectTag = "focwf.use_case.subject";

    private static readonly ActivitySource Source = new(EngineTelemetry.ActivitySourceName);

    /// <summary>
    /// Runs <paramref name="run"/> inside the use case's span, tagged with what it acts on (<paramref name="subject"/>: the
    /// instance, round, consultation, task or definition); a refusal is recorded with its kind and thrown on.
    /// </summary>
    public static async Task<T> RunAsync<T>(string useCase, Caller caller, string? subject, Func<Task<T>> run)
    {
        using var span = Source.StartActivity($"use-case {useCase}");
        span?.SetTag(UseCaseTag, useCase);
        span?.SetTag(SubjectTag, subject);
        span?.SetTag(DoorTag, caller.Door.ToString().ToLowerInvariant());
        try
        {
            var result = await run();
            span?.SetTag(OutcomeTag, "done");
            return result;
        }
        catch (WorkflowProblem problem)
        {
            span?.SetTag(OutcomeTag, problem.Kind.ToString().ToLowerInvariant());
            throw;
        }
    }

    public static Task RunAsync(string useCase, Caller caller, string? subject, Func<Task> run) =>
        RunAsync(useCase, caller, subject, async () => { await run(); return true; });
}
