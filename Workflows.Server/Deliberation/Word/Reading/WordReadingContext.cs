namespace FocWorkflows.Server.Deliberation.Word.Reading;

/// <summary>What reading one document needs everywhere: its styles, lists and notes, and the tally of what is not kept.</summary>
internal sealed record WordReadingContext(WordStyles Styles, WordNumbering Numbering, WordNotes Notes, DocxLossTally Losses);
