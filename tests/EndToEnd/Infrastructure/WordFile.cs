using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace FocWorkflows.EndToEnd.Infrastructure;

/// <summary>
/// A statement as a pen-holder's Word would save it: built-in heading style by name, plain paragraphs,
/// a reviewer's comment left in the margin. Written to a temporary file for the browser to upload.
/// </summary>
public static class WordFile
{
    public static string Statement(string heading, IReadOnlyList<string> paragraphs, string comment)
    {
        var path = Path.Combine(Path.GetTempPath(), $"statement-{Guid.NewGuid():N}.docx");
        using (var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(
                new Style(new StyleName { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
                new Style(new StyleName { Val = "heading 1" }, new BasedOn { Val = "Normal" },
                    new StyleParagraphProperties(new OutlineLevel { Val = 0 })) { Type = StyleValues.Paragraph, StyleId = "Heading1" });
            main.AddNewPart<WordprocessingCommentsPart>().Comments = new Comments(
                new Comment(new Paragraph(new Run(new Text(comment)))) { Id = "0", Author = "Reviewer", Initials = "R" });
            var body = new Body(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Heading1" }), new Run(new Text(heading))));
            for (var i = 0; i < paragraphs.Count; i++)
            {
                var paragraph = new Paragraph(new Run(new Text(paragraphs[i])));
                if (i == 0)
                {
                    paragraph.PrependChild(new CommentRangeStart { Id = "0" });
                    paragraph.Append(new CommentRangeEnd { Id = "0" }, new Run(new CommentReference { Id = "0" }));
                }
                body.Append(paragraph);
            }
            main.Document = new Document(body);
        }
        return path;
    }
}
