using System.ComponentModel.DataAnnotations;

namespace FocWorkflows.Designer.Pages.Consultations;

/// <summary>The advisor's comment form; the server checks the same rules again.</summary>
public sealed class CommentForm
{
    [Required(ErrorMessage = "Choose the paragraph your comment is about.")]
    [Range(1, int.MaxValue, ErrorMessage = "Choose the paragraph your comment is about.")]
    public int? Paragraph { get; set; }

    public string? Quote { get; set; }

    [Required(ErrorMessage = "Write your comment.")]
    [StringLength(MaxTextLength, ErrorMessage = "At most 20000 characters.")]
    public string? Text { get; set; }

    /// <summary>Issued with the empty form, so sending the same form twice (a refresh, a double click) stores one comment.</summary>
    public string? Key { get; set; }

    public const int MaxTextLength = 20_000;
}
