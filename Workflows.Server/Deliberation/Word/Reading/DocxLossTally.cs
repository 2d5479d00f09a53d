using Humanizer;

namespace FocWorkflows.Server.Deliberation.Word.Reading;

/// <summary>
/// Counts what an upload had that a draft cannot hold, and says it in a sentence the uploader reads before
/// the version is saved: a draft is text, so nothing else should vanish without a word.
/// </summary>
internal sealed class DocxLossTally
{
    public const string Image = "image";
    public const string Comment = "comment";
    public const string TrackedChange = "tracked-change";
    public const string TextBox = "text-box";
    public const string EmbeddedObject = "embedded-object";
    public const string NestedTable = "nested-table";
    public const string MergedCell = "merged-cell";

    private static readonly string[] Order = [Image, TextBox, EmbeddedObject, Comment, TrackedChange, NestedTable, MergedCell];
    private readonly Dictionary<string, int> _counts = [];

    public void Add(string kind, int count = 1)
    {
        if (count > 0) _counts[kind] = _counts.GetValueOrDefault(kind) + count;
    }

    public IReadOnlyList<DocxLoss> ToList() =>
        [.. Order.Where(_counts.ContainsKey).Select(kind => new DocxLoss(kind, _counts[kind], Message(kind, _counts[kind])))];

    private static string Message(string kind, int n) => kind switch
    {
        Image => $"{"image".ToQuantity(n)} (pictures, charts or diagrams) {Are(n)} not kept: a draft is text.",
        TextBox => $"{"text box".ToQuantity(n)} {Are(n)} not kept: if its text belongs to the draft, move it into the body of the document.",
        EmbeddedObject => $"{"embedded object".ToQuantity(n)} (equations, spreadsheets or other files) {Are(n)} not kept: a draft is text.",
        Comment => $"{"Word comment".ToQuantity(n)} {Are(n)} not kept: comment on the draft here instead, on its numbered paragraphs.",
        TrackedChange => $"{"tracked change".ToQuantity(n)} {(n == 1 ? "was" : "were")} still pending: the text is read as if all were accepted.",
        NestedTable => n == 1
            ? "1 table inside a table is not kept as a table: its text is put in the cell that held it."
            : $"{n} tables inside tables are not kept as tables: their text is put in the cells that held them.",
        MergedCell => $"{"table".ToQuantity(n)} {(n == 1 ? "has" : "have")} merged cells: they are split, the text in the first of them.",
        _ => $"{n} × {kind} not kept.",
    };

    private static string Are(int n) => n == 1 ? "is" : "are";
}
