namespace FocWorkflows.Server.Tests.Api.Hostile;

/// <summary>
/// One hostile request. Refused: answered 4xx ProblemDetails (with <see cref="Status"/> when given) and
/// nothing written. Neutralised: accepted, then <see cref="ReadBack"/> reads what was stored and shows
/// it cannot harm (no markup that runs, no formula, no server internals).
/// </summary>
public sealed record Hostile(string Name, Func<HostileWorld, Task<HttpResponseMessage>> Send, int? Status = null,
    Func<HostileWorld, HttpResponseMessage, Task>? ReadBack = null)
{
    public bool Refused => ReadBack is null;

    public override string ToString() => Name;

    public static Hostile Refuse(string name, string? caller, string method, string path, string? body = null, int? status = null,
        string? contentType = "application/json", IReadOnlyDictionary<string, string>? headers = null) =>
        new(name, world => world.SendAsync(caller, method, path, body, contentType, headers), status);

    public static Hostile Neutralise(string name, Func<HostileWorld, Task<HttpResponseMessage>> send, Func<HostileWorld, HttpResponseMessage, Task> readBack) =>
        new(name, send, null, readBack);

    public static IReadOnlyDictionary<string, string> Header(string name, string value) => new Dictionary<string, string> { [name] = value };
}
