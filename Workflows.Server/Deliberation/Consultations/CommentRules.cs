using System.Globalization;
using System.Text.RegularExpressions;
using FocWorkflows.Server.Deliberation.Drafts;

namespace FocWorkflows.Server.Deliberation.Consultations;

/// <summary>
/// What a comment must be to be stored. <see cref="Persistence.Deliberation.CommentWriter"/> applies these
/// rules, so the API and the advisor's page refuse exactly the same comments with the same words.
/// Errors are keyed by the API's field names: <c>paragraph</c>, <c>quote</c>, <c>text</c>.
/// </summary>
public static partial class CommentRules
{
    /// <summary>A quote points at words of one paragraph; a longer one is a copy of the paragraph, not a pointer.</summary>
    public const int MaxQuoteLength = 1_000;

    /// <summary>
    /// The quote as stored: whitespace runs as one space, trimmed; <c>null</c> when empty. A selection
    /// copied from a browser breaks lines and doubles spaces where the Markdown did not.
    /// </summary>
    public static string? NormalizeQuote(string? quote) => string.IsNullOrWhiteSpace(quote) ? null : CollapseWhitespace(quote);

    /// <param name="draft">The consulted draft version, when its text is known: the paragraph and the quote are checked against it.</param>
    public static Dictionary<string, string[]> Problems(int? paragraph, string? quote, string? text, DraftVersion? draft)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(text)) errors["text"] = ["Write your comment."];
        else if (text.Length > Comment.MaxTextLength) errors["text"] = [$"At most {Comment.MaxTextLength} characters."];

        if (paragraph is not >= 1)
        {
            errors["paragraph"] = ["Choose the paragraph your comment is about: its number, from 1."];
            return errors;
        }
        var paragraphs = draft is null ? null : Paragraphs.Of(draft.Markdown);
        if (paragraphs is { Count: > 0 } && paragraph > paragraphs.Count)
        {
            errors["paragraph"] = [$"Draft version {draft!.Number} has no paragraph {paragraph}: choose a paragraph from 1 to {paragraphs.Count}."];
            return errors;
        }

        if (NormalizeQuote(quote) is not { } passage) return errors;
        if (passage.Length > MaxQuoteLength)
            errors["quote"] = [$"A quoted passage has at most {MaxQuoteLength.ToString("N0", CultureInfo.InvariantCulture)} characters: quote only the words your comment is about."];
        // Compared with the text the reader sees (Markdown rendered, then plain), so **bold** or a link's
        // address never makes a faithfully copied passage fail; case and punctuation must match.
        else if (paragraphs is { Count: > 0 } && !CollapseWhitespace(Paragraphs.PlainText(paragraphs[paragraph.Value - 1])).Contains(passage, StringComparison.Ordinal))
            errors["quote"] = [$"The quoted passage is not in paragraph {paragraph} of draft version {draft!.Number}. Quote the words as they appear there, or leave this empty."];
        return errors;
    }

    private static string CollapseWhitespace(string value) => Whitespace().Replace(value, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
