namespace FocWorkflows.Server.Deliberation.Publications;

/// <summary>
/// What the publication step reads when it resumes: the publication it scheduled and its expected
/// translations. A port, so the step depends on these reads alone, not on the store that also lists
/// publications for the API.
/// </summary>
public interface IPublicationReads
{
    Task<Publication?> GetAsync(string id, CancellationToken ct);

    /// <summary>The publication's translations, by language.</summary>
    Task<IReadOnlyList<Translation>> TranslationsAsync(string publicationId, CancellationToken ct);
}
