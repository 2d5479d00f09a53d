namespace FocWorkflows.Server.Deliberation.Word.Reading;

/// <summary>How a list item starts in Markdown: its indent and marker, where its text starts, and whether a blank line must come first.</summary>
internal readonly record struct ListItemStart(string Prefix, bool BlankLineBefore)
{
    /// <summary>The column its text starts at, which the lines after a line break are indented to.</summary>
    public int ContentIndent => Prefix.Length;
}

/// <summary>
/// Numbers list items the way Word shows them and nests them the way Markdown reads them. A counter belongs
/// to one list (a Word numbering instance) and level: it starts at the level's start, goes on across
/// paragraphs in between, and a level restarts when a level above it gets an item. A nested item is indented
/// by the width of its parent's marker ("- " 2, "1. " 3, "10. " 4), the column where the parent's text starts.
/// </summary>
internal sealed class ListItemMarkers
{
    private readonly Dictionary<(int NumId, int Level), int> _counters = [];
    private readonly List<OpenItem> _open = [];
    private int _itemsInBlock;

    private readonly record struct OpenItem(int Level, int Width, bool Ordered);

    /// <summary>Counts an item Markdown does not show as one (an empty item, a numbered heading): Word still numbers it.</summary>
    public void Skip(ListLevel level) => Count(level);

    public ListItemStart Next(ListLevel level)
    {
        var number = Count(level);
        var ordered = !level.IsBullet;
        var marker = level.IsBullet ? "- " : $"{number}. ";
        while (_open.Count > 0 && _open[^1].Level > level.Level) _open.RemoveAt(_open.Count - 1);
        var startsList = true;
        if (_open.Count > 0 && _open[^1].Level == level.Level)
        {
            startsList = _open[^1].Ordered != ordered;
            _open.RemoveAt(_open.Count - 1);
        }
        var indent = _open.Sum(o => o.Width);
        // Markdown lets a numbered list start right under a line of text only at 1; elsewhere it would read
        // "3. text" as more of the line above, so a blank line separates it.
        var blankLine = startsList && ordered && number != 1 && _itemsInBlock > 0;
        _open.Add(new OpenItem(level.Level, marker.Length, ordered));
        _itemsInBlock++;
        return new ListItemStart(new string(' ', indent) + marker, blankLine);
    }

    /// <summary>A block that is not a list item ended the Markdown list; the Word counters go on.</summary>
    public void EndBlock()
    {
        _open.Clear();
        _itemsInBlock = 0;
    }

    private int Count(ListLevel level)
    {
        var key = (level.NumId, level.Level);
        var number = _counters.TryGetValue(key, out var previous) ? WordNumbering.Clamp(previous + 1) : level.Start;
        _counters[key] = number;
        for (var deeper = level.Level + 1; deeper <= WordNumbering.MaxLevel; deeper++) _counters.Remove((level.NumId, deeper));
        return number;
    }
}
