using DocumentFormat.OpenXml;

namespace FocWorkflows.Server.Deliberation.Word.Reading;

/// <summary>
/// Writes a Word table as a Markdown pipe table: the first row is the header (Markdown has no table without
/// one), a cell's paragraphs are joined by "&lt;br&gt;", every row has as many cells as the widest. Markdown has
/// neither merged cells nor tables in tables: a merged cell is split into empty ones after its text, and a
/// nested table's text goes into its cell; both are told to the uploader.
/// </summary>
internal static class WordTableMarkdown
{
    /// <summary>Word's own limit on the columns of a table; a larger span is a hostile file, not a wide table.</summary>
    private const int MaxColumns = 63;

    private const string CellBreak = "<br>";

    public static string Write(OpenXmlElement table, WordInlineReader reader, DocxLossTally losses)
    {
        var rows = new List<List<string>>();
        var merged = false;
        foreach (var row in WordBlocks.RowsOf(table))
        {
            var cells = new List<string>();
            foreach (var cell in WordBlocks.CellsOf(row))
            {
                var properties = cell.Child("tcPr");
                var span = Math.Clamp(properties.Child("gridSpan").Val().AsInt() ?? 1, 1, MaxColumns);
                merged |= span > 1 || properties.Child("vMerge") is not null || properties.Child("hMerge") is not null;
                cells.Add(CellMarkdown(cell, reader, losses));
                cells.AddRange(Enumerable.Repeat("", span - 1));
            }
            rows.Add(cells);
        }
        var width = rows.Count == 0 ? 0 : rows.Max(r => r.Count);
        if (width == 0) return "";
        if (merged) losses.Add(DocxLossTally.MergedCell);
        var lines = new List<string> { Row(rows[0], width), Row(Enumerable.Repeat("---", width).ToList(), width) };
        lines.AddRange(rows.Skip(1).Select(r => Row(r, width)));
        return string.Join("\n", lines);
    }

    private static string Row(List<string> cells, int width) =>
        "| " + string.Join(" | ", cells.Concat(Enumerable.Repeat("", width - cells.Count))) + " |";

    private static string CellMarkdown(OpenXmlElement cell, WordInlineReader reader, DocxLossTally losses)
    {
        var lines = new List<string>();
        AddLines(cell, reader, losses, lines);
        return string.Join(CellBreak, lines);
    }

    private static void AddLines(OpenXmlElement container, WordInlineReader reader, DocxLossTally losses, List<string> lines)
    {
        foreach (var block in WordBlocks.Of(container))
        {
            if (block.Is("p"))
            {
                var line = InlineMarkdown.Write(reader.Read(block), CellBreak, atBlockStart: false);
                if (line.Length > 0) lines.Add(line);
            }
            else if (block.Is("tbl"))
            {
                losses.Add(DocxLossTally.NestedTable);
                foreach (var cell in WordBlocks.RowsOf(block).SelectMany(WordBlocks.CellsOf)) AddLines(cell, reader, losses, lines);
            }
            else losses.Add(DocxLossTally.EmbeddedObject);
        }
    }
}
