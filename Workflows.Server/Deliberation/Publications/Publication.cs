namespace FocWorkflows.Server.Deliberation.Publications;

public enum PublicationStatus { Scheduled, Released }

public enum TranslationStatus { Pending, Provided }

/// <summary>
/// The adopted text as locked for publication: a copy of one draft version, the governments that
/// signed it, and when it is (or was) released to the public.
/// </summary>
public sealed class Publication
{
    public required string Id { get; init; }
    public required string InstanceId { get; init; }
    public required string NodeId { get; init; }

    /// <summary>The draft version that was locked; its text is copied so the publication never changes with it.</summary>
    public required int DraftNumber { get; init; }
    public required string Title { get; init; }
    public required string Markdown { get; init; }

    /// <summary>
    /// ISO 3166 alpha-2 codes of the governments that adopted the text: in the order they signed (sign-on),
    /// or every member that did not object (silence).
    /// </summary>
    public List<string> Signatories { get; init; } = [];

    /// <summary>Members that let the text pass without joining it (silence procedure), shown apart from the signatories.</summary>
    public List<string> Dissociated { get; init; } = [];
    public required DateTimeOffset ReleaseAt { get; set; }
    public PublicationStatus Status { get; set; }
    public DateTimeOffset? ReleasedAt { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }
}

/// <summary>
/// One expected translation of a publication. It records the draft version it was made from, so a
/// translation of an older text is recognisable as such.
/// </summary>
public sealed class Translation
{
    public required string Id { get; init; }
    public required string PublicationId { get; init; }

    /// <summary>BCP 47 language tag, e.g. fr.</summary>
    public required string Language { get; init; }
    public required int SourceVersion { get; set; }
    public string? Markdown { get; set; }
    public TranslationStatus Status { get; set; }
    public string? ProvidedBy { get; set; }
    public string? OnBehalfOf { get; set; }
    public DateTimeOffset? ProvidedAt { get; set; }
}
