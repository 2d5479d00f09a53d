namespace FocWorkflows.Server.UseCases;

/// <summary>The two ways in: the REST API and the Designer's pages.</summary>
public enum Door { Api, Designer }

/// <summary>
/// Who asks, through which door: the e-mail the door signed in. What they may do is asked of the
/// directory at the moment of the act, the same for both doors.
/// </summary>
public sealed record Caller(string Email, Door Door);
