namespace FocWorkflows.Designer.Ports;

/// <summary>
/// One version of a draft: its paragraphs as HTML the server has already sanitized, and its Markdown, which the
/// pen-holders revise from.
/// </summary>
public sealed record DraftVersionView(int Number, string Title, string? Note, string SubmittedBy, DateTimeOffset SubmittedAt,
    IReadOnlyList<AdvisorParagraph> Paragraphs, string Markdown = "");

/// <summary>
/// An instance's draft as its page shows it: the version asked for (null when none was submitted yet),
/// the numbers of all versions, and whether the viewer may submit the next one now.
/// </summary>
public sealed record DraftPageView(string InstanceId, IReadOnlyList<int> Versions, DraftVersionView? Version, bool MaySubmit);

/// <summary>The redline between two versions, as sanitized HTML with <c>ins</c>/<c>del</c>, and its counts.</summary>
public sealed record RedlineView(string InstanceId, int From, int To, string Html, int Changed, int Added, int Removed);

/// <summary>The next version as the page sends it; <see cref="Title"/> empty keeps the text's title.</summary>
public sealed record DraftSubmission(string? Markdown, string? Note, string? Title = null);

/// <summary>
/// What a Word document became: its text as Markdown and its title, with a sentence for each kind of content
/// that could not be kept; or, when it cannot be read at all, why (<see cref="Refused"/>) and nothing else.
/// </summary>
public sealed record WordReading(string? Markdown, string? Title, IReadOnlyList<string> NotKept, string? Refused);

/// <summary>Reading an instance's draft versions and their redlines, and submitting the next version.</summary>
public interface IDraftsPort
{
    /// <summary>
    /// The version <paramref name="number"/>, or the latest the viewer may read when null. The instance's task force,
    /// chairs and the secretariat read every version; a consultation's audience the version it was consulted on.
    /// </summary>
    Task<Seen<DraftPageView>> GetAsync(string instanceId, int? number, string viewerEmail, CancellationToken ct);

    /// <summary>The redline, for a viewer who may read both versions.</summary>
    Task<Seen<RedlineView>> RedlineAsync(string instanceId, int from, int to, string viewerEmail, CancellationToken ct);

    Task<ActResult> SubmitAsync(string instanceId, string viewerEmail, DraftSubmission submission, CancellationToken ct);

    /// <summary>Reads a .docx into a draft's Markdown, storing nothing: the pen-holder checks the text, then submits it.</summary>
    Task<WordReading> ReadWordAsync(Stream document, CancellationToken ct);
}
