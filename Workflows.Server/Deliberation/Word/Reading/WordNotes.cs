using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace FocWorkflows.Server.Deliberation.Word.Reading;

/// <summary>A footnote or endnote referenced from the text, with the number it gets in the draft.</summary>
internal sealed record ReferencedNote(int Number, OpenXmlElement Note, OpenXmlPart Part);

/// <summary>
/// Footnotes and endnotes, numbered together in the order the text refers to them: a draft has no page foot,
/// so every note becomes endnote text (<see cref="WordConventions.NoteMark"/>). The separator "notes" Word keeps
/// in the same parts (a type other than "normal", or ids -1 and 0) are page furniture, never notes.
/// </summary>
internal sealed class WordNotes(OpenXmlPart? footnotes, OpenXmlPart? endnotes)
{
    private readonly Dictionary<(string Kind, string Id), ReferencedNote> _byId = [];
    private readonly List<ReferencedNote> _inOrder = [];
    private Dictionary<string, OpenXmlElement>? _footnotes;
    private Dictionary<string, OpenXmlElement>? _endnotes;

    /// <summary>The notes referred to so far, in order; it grows while notes are read if a note refers to another.</summary>
    public IReadOnlyList<ReferencedNote> InOrder => _inOrder;

    /// <summary>The number of the note a reference points to, or null when it points to no real note.</summary>
    public int? Refer(OpenXmlElement reference)
    {
        var kind = reference.Is("footnoteReference") ? "footnote" : "endnote";
        if (reference.Attribute("id") is not { } id) return null;
        if (_byId.TryGetValue((kind, id), out var known)) return known.Number;
        var (part, notes) = kind == "footnote" ? (footnotes, _footnotes ??= Index(footnotes, kind)) : (endnotes, _endnotes ??= Index(endnotes, kind));
        if (part is null || !notes.TryGetValue(id, out var note)) return null;
        var referenced = new ReferencedNote(_inOrder.Count + 1, note, part);
        _byId[(kind, id)] = referenced;
        _inOrder.Add(referenced);
        return referenced.Number;
    }

    private static Dictionary<string, OpenXmlElement> Index(OpenXmlPart? part, string kind)
    {
        var notes = new Dictionary<string, OpenXmlElement>(StringComparer.Ordinal);
        foreach (var note in part?.RootElement.Children(kind) ?? [])
        {
            var id = note.Attribute("id");
            if (id is null or "-1" or "0" || note.Attribute("type") is not (null or "normal")) continue;
            notes.TryAdd(id, note);
        }
        return notes;
    }
}
