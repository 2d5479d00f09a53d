using System.Text.RegularExpressions;
using FocWorkflows.Definitions.Model;
using FocWorkflows.Server.Engine;

namespace FocWorkflows.Server.Api.Guards;

/// <summary>
/// The keys callers choose: idempotency keys, event names, correlation keys. Each has a pattern and
/// <see cref="Limits.Key"/> as its length; a bad one is answered 400 naming the field, before any work.
/// </summary>
public static partial class Identifiers
{
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>The request's Idempotency-Key, or null when it sent none; 400 when it is not a key.</summary>
    public static string? IdempotencyKey(HttpRequest request) => IdempotencyKey(request.Headers[IdempotencyHeader].ToString());

    /// <summary>The key as sent (a header's or a form's value), or null when empty; 400 when it is not a key.</summary>
    public static string? IdempotencyKey(string? sent)
    {
        var key = sent?.Trim() ?? "";
        if (key.Length == 0) return null;
        return IsIdempotencyKey(key) ? key : throw Invalid(IdempotencyHeader, "must be 1 to 200 visible ASCII characters, e.g. a UUID.");
    }

    /// <summary>1 to 200 visible ASCII characters: what a UUID, a ULID or a client's own counter is written with.</summary>
    public static bool IsIdempotencyKey(string? key) => key is not null && VisibleAscii().IsMatch(key);

    /// <summary>Event names are identifiers, like the names waits declare (<c>steering-committee-decided</c>).</summary>
    public static void RequireEventName(string? name)
    {
        if (name is null || !EventName().IsMatch(name))
            throw Invalid("name", "must be 1 to 200 characters: letters, digits, '-', '_', '.' or ':', starting with a letter or digit.");
    }

    /// <summary>A correlation key is free text (a task force id, an e-mail), on one line and at most 200 characters.</summary>
    public static void RequireCorrelationKey(string? key)
    {
        if (key is not null && !OneLine().IsMatch(key))
            throw Invalid("correlationKey", "must be 1 to 200 characters on one line.");
    }

    /// <summary>An endpoint filter for the whole API: an id in the address is at most 200 characters on one line, else 400 naming it.</summary>
    public static ValueTask<object?> CheckRouteValues(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        foreach (var (name, value) in context.HttpContext.Request.RouteValues)
            if (value is string text && !OneLine().IsMatch(text)) throw Invalid(name, "must be 1 to 200 characters on one line.");
        return next(context);
    }

    /// <summary>An endpoint filter for the definitions' routes: <c>{id}</c> is a <see cref="DefinitionId"/>, else 400.</summary>
    public static ValueTask<object?> CheckDefinitionId(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.Request.RouteValues["id"] is string id && !DefinitionId.IsValid(id) ? throw Invalid("id", DefinitionId.Rule) : next(context);

    private static WorkflowProblem Invalid(string field, string message) =>
        WorkflowProblem.Invalid("The request is not valid", new Dictionary<string, string[]> { [field] = [message] });

    // \z, not $: $ also matches before a final line break.
    [GeneratedRegex(@"^[\x21-\x7E]{1,200}\z")]
    private static partial Regex VisibleAscii();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}\z")]
    private static partial Regex EventName();

    [GeneratedRegex(@"^[^\p{Cc}\p{Zl}\p{Zp}]{1,200}\z")]
    private static partial Regex OneLine();
}
