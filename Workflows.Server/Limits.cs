using System.Globalization;
namespace FocWorkflows.Server;

/// <summary>
/// How large anything people send may be: the API, the Designer's pages and the workflow steps refuse
/// the same things with the same words. A text over its limit is answered 400 naming the field, a body
/// over <see cref="RequestBodyBytes"/> 413, both before anything is read into the workflow or stored.
/// </summary>
public static class Limits
{
    /// <summary>Any request body, API or page form. A draft at its limit, escaped as JSON or as a form, still fits.</summary>
    public const long RequestBodyBytes = 2 * 1024 * 1024;

    /// <summary>How deeply a JSON body may nest; well under the serializer's 64, so a stored input nested in a response still writes.</summary>
    public const int JsonDepth = 32;

    /// <summary>A draft's or translation's Markdown, in UTF-8 bytes: a long report, many times a joint statement.</summary>
    public const int DraftBytes = 512 * 1024;

    /// <summary>Numbered paragraphs in one draft; resolutions run to a few hundred.</summary>
    public const int DraftParagraphs = 1_000;

    /// <summary>One line of text: a title, a name, a single-line input. The stored title columns hold this much.</summary>
    public const int Line = 500;

    /// <summary>A reason (objection, disposition, extension, early close, cancellation) or a note.</summary>
    public const int Reason = 4_000;

    /// <summary>Free text: a comment, a proposed text, a multi-line form field or input, a mandate.</summary>
    public const int Text = 20_000;

    /// <summary>An idempotency key, an event's name or correlation key, an id in an address.</summary>
    public const int Key = 200;

    /// <summary>Items of a list input (e-mails, government codes).</summary>
    public const int ListItems = 1_000;

    /// <summary>Adds "at most N characters" under <paramref name="field"/> when <paramref name="value"/> is longer than <paramref name="max"/>.</summary>
    public static void Check(Dictionary<string, string[]> errors, string field, string? value, int max)
    {
        if (value is not null && value.Length > max) errors.TryAdd(field, [TooLong(max)]);
    }

    public static string TooLong(int max) => $"At most {max.ToString("N0", CultureInfo.InvariantCulture)} characters.";
}
