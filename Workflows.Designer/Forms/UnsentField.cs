namespace FocWorkflows.Designer.Forms;

/// <summary>One field of a form the server did not take: its label, and the posted field it is read from.</summary>
public sealed record UnsentField(string Name, string Label);

/// <summary>What the person typed in one field, to give back.</summary>
public sealed record UnsentValue(string Label, string? Text);
