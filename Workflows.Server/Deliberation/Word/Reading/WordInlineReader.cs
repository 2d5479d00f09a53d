using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace FocWorkflows.Server.Deliberation.Word.Reading;

/// <summary>
/// Reads the content of the paragraphs of one story (the body, or one note) into pieces of text, in reading
/// order. A story, not a paragraph, because a Word field (a table of contents, say) may begin in one paragraph
/// and end several later; <paramref name="part"/> is where the story's hyperlink addresses are.
/// Pending tracked changes read as accepted; what a draft cannot hold is counted as a loss and skipped.
/// </summary>
internal sealed class WordInlineReader(WordReadingContext context, OpenXmlPart part)
{
    /// <summary>The open fields, innermost on top: true while still in the field's instruction, false in its result.</summary>
    private readonly Stack<bool> _fields = new();

    /// <summary>How many open fields are still in their instruction (kept as a count: a file may open a million fields).</summary>
    private int _fieldsInInstruction;

    private Dictionary<string, string>? _externalAddresses;

    /// <summary>Set after one of our printed paragraph numbers, to drop the tab that follows it.</summary>
    private bool _dropNextTab;

    private bool InFieldInstruction => _fieldsInInstruction > 0;

    public List<InlinePiece> Read(OpenXmlElement paragraph)
    {
        _dropNextTab = false;
        var pieces = new List<InlinePiece>();
        VisitChildren(paragraph, InlineMarks.None, pieces);
        return pieces;
    }

    private void VisitChildren(OpenXmlElement? element, InlineMarks marks, List<InlinePiece> into)
    {
        if (element is null) return;
        foreach (var child in element.ChildElements) Visit(child, marks, into);
    }

    private void Visit(OpenXmlElement element, InlineMarks marks, List<InlinePiece> into)
    {
        if (element.NamespaceUri == WordXml.MarkupCompatibility)
        {
            if (element.LocalName == "AlternateContent") VisitChildren(ChosenBranch(element), marks, into);
            return;
        }
        if (element.NamespaceUri == WordXml.Math)
        {
            if (element.LocalName is "oMath" or "oMathPara") context.Losses.Add(DocxLossTally.EmbeddedObject);
            return;
        }
        if (element.NamespaceUri != WordXml.W)
        {
            VisitChildren(element, marks, into);
            return;
        }
        switch (element.LocalName)
        {
            case "r": VisitRun(element, into); break;
            case "t": AddText(element.InnerText, marks, into); break;
            case "tab" or "ptab": Tab(marks, into); break;
            case "br" when element.Attribute("type") is null or "textWrapping": AddBreak(into); break;
            case "cr": AddBreak(into); break;
            case "noBreakHyphen": AddText("-", marks, into); break;
            case "fldChar": Field(element.Attribute("fldCharType")); break;
            case "footnoteReference" or "endnoteReference": NoteReference(element, into); break;
            case "hyperlink": Hyperlink(element, marks, into); break;
            case "sdt": VisitChildren(WordBlocks.Content(element), marks, into); break;
            case "ruby": VisitChildren(element.Child("rubyBase"), marks, into); break;
            case "drawing": context.Losses.Add(element.HasDescendant("txbxContent") ? DocxLossTally.TextBox : DocxLossTally.Image); break;
            case "pict":
                context.Losses.Add(element.HasDescendant("txbxContent") || element.HasDescendant("textbox", WordXml.Vml)
                    ? DocxLossTally.TextBox : DocxLossTally.Image);
                break;
            case "object": context.Losses.Add(DocxLossTally.EmbeddedObject); break;
            case "br" or "del" or "moveFrom" or "pPr" or "rPr" or "sdtPr" or "sdtEndPr" or "instrText" or "delText" or "delInstrText"
                or "txbxContent" or "footnoteRef" or "endnoteRef" or "softHyphen" or "commentReference" or "sym":
                break;
            default: VisitChildren(element, marks, into); break; // ins, moveTo, fldSimple, smartTag, customXml, bdo, dir…
        }
    }

    /// <summary>Of Word's alternatives for older readers, the first choice (or the fallback), so nothing counts twice.</summary>
    private static OpenXmlElement? ChosenBranch(OpenXmlElement alternateContent) =>
        alternateContent.ChildElements.FirstOrDefault(c => c.LocalName == "Choice")
        ?? alternateContent.ChildElements.FirstOrDefault(c => c.LocalName == "Fallback");

    private void VisitRun(OpenXmlElement run, List<InlinePiece> into)
    {
        var (marks, hidden) = RunMarks.Of(run, context.Styles);
        if (hidden || context.Styles.IsParagraphNumber(run.Child("rPr").Child("rStyle").Val()))
        {
            if (!hidden) _dropNextTab = run.Child("tab") is null;
            foreach (var fieldChar in run.Children("fldChar")) Field(fieldChar.Attribute("fldCharType"));
            return;
        }
        VisitChildren(run, marks, into);
    }

    private void AddText(string text, InlineMarks marks, List<InlinePiece> into)
    {
        if (InFieldInstruction || text.Length == 0) return;
        into.Add(new TextPiece(string.Create(text.Length, text, static (chars, source) =>
        {
            for (var i = 0; i < source.Length; i++) chars[i] = char.IsControl(source[i]) || source[i] is '\u2028' or '\u2029' ? ' ' : source[i];
        }), marks));
    }

    private void AddBreak(List<InlinePiece> into)
    {
        if (!InFieldInstruction) into.Add(BreakPiece.Instance);
    }

    private void Tab(InlineMarks marks, List<InlinePiece> into)
    {
        if (InFieldInstruction) return;
        if (_dropNextTab) _dropNextTab = false;
        else into.Add(new TextPiece(" ", marks));
    }

    /// <summary>A complex field: its instruction ("PAGE", "HYPERLINK …") is never text; its result, after "separate", is.</summary>
    private void Field(string? fieldCharType)
    {
        switch (fieldCharType)
        {
            case "begin":
                _fields.Push(true);
                _fieldsInInstruction++;
                break;
            case "separate" when _fields.TryPeek(out var inInstruction) && inInstruction:
                _fields.Pop();
                _fields.Push(false);
                _fieldsInInstruction--;
                break;
            case "end" when _fields.TryPop(out var wasInInstruction):
                if (wasInInstruction) _fieldsInInstruction--;
                break;
        }
    }

    private void NoteReference(OpenXmlElement reference, List<InlinePiece> into)
    {
        if (!InFieldInstruction && context.Notes.Refer(reference) is { } number)
            into.Add(new MarkupPiece(WordConventions.NoteMark(number), "", InlineMarks.None));
    }

    /// <summary>
    /// A link to an address outside the document becomes a Markdown link; a link to a bookmark inside it (a table
    /// of contents, a cross-reference) only its text, as the draft has no such anchors.
    /// </summary>
    private void Hyperlink(OpenXmlElement hyperlink, InlineMarks marks, List<InlinePiece> into)
    {
        var inner = new List<InlinePiece>();
        VisitChildren(hyperlink, marks, inner);
        if (ExternalAddress(hyperlink.Attribute("id", WordXml.Relationships)) is not { } url)
        {
            into.AddRange(inner);
            return;
        }
        var common = InlineMarkdown.CommonMarks(inner);
        var text = InlineMarkdown.Write(InlineMarkdown.WithoutMarks(inner, common), " ", atBlockStart: false);
        if (text.Length > 0) into.Add(new MarkupPiece(MarkdownLink.Write(text, url), InlineMarkdown.PlainText(inner), common));
    }

    /// <summary>
    /// The address of an external link. An address no URI parser accepts is replaced by the SDK with a
    /// "rewritten://" placeholder; such a link keeps only its text, as Word could not follow it either.
    /// </summary>
    private string? ExternalAddress(string? relationshipId)
    {
        if (relationshipId is null) return null;
        _externalAddresses ??= part.HyperlinkRelationships
            .Where(r => r.IsExternal && !(r.Uri.IsAbsoluteUri && r.Uri.Scheme == "rewritten"))
            .GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First().Uri.OriginalString);
        return _externalAddresses.GetValueOrDefault(relationshipId);
    }
}
