using DocumentFormat.OpenXml;

namespace FocWorkflows.Server.Deliberation.Word.Reading;

/// <summary>
/// The block-level content of a story (the body, a cell, a note) in reading order: paragraphs, tables and
/// embedded chunks, seen through the content controls and custom XML that wrap them. The wrappers carry no
/// text of their own; Word shows what is inside.
/// </summary>
internal static class WordBlocks
{
    public static IEnumerable<OpenXmlElement> Of(OpenXmlElement? container)
    {
        if (container is null) yield break;
        foreach (var child in container.ChildElements)
        {
            if (child.Is("p") || child.Is("tbl") || child.Is("altChunk")) yield return child;
            else if (child.Is("sdt") || child.Is("customXml"))
                foreach (var inner in Of(Content(child))) yield return inner;
        }
    }

    /// <summary>The rows of a table; a row deleted in a pending tracked change is left out, as if accepted.</summary>
    public static IEnumerable<OpenXmlElement> RowsOf(OpenXmlElement? table)
    {
        if (table is null) yield break;
        foreach (var child in table.ChildElements)
        {
            if (child.Is("tr") && child.Child("trPr").Child("del") is null) yield return child;
            else if (child.Is("sdt") || child.Is("customXml"))
                foreach (var row in RowsOf(Content(child))) yield return row;
        }
    }

    public static IEnumerable<OpenXmlElement> CellsOf(OpenXmlElement? row)
    {
        if (row is null) yield break;
        foreach (var child in row.ChildElements)
        {
            if (child.Is("tc")) yield return child;
            else if (child.Is("sdt") || child.Is("customXml"))
                foreach (var cell in CellsOf(Content(child))) yield return cell;
        }
    }

    /// <summary>
    /// What a wrapper shows: a content control its <c>w:sdtContent</c> (nothing while it shows its placeholder,
    /// "Click or tap here to enter text."), a custom XML element its children.
    /// </summary>
    public static OpenXmlElement? Content(OpenXmlElement wrapper) => wrapper.Is("sdt")
        ? wrapper.Child("sdtPr").Child("showingPlcHdr") is null ? wrapper.Child("sdtContent") : null
        : wrapper;
}
