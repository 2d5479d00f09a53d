namespace FocWorkflows.Designer.Ports;

/// <summary>One line of the comment-resolution matrix; the decision in the API's camelCase.</summary>
public sealed record DispositionRow(int Number, string CommentId, string Author, string? Organisation, int? DraftVersion, int Paragraph,
    string? Quote, string Comment, string? Decision, string? Reason, string? DisposedBy);

/// <summary>The matrix, and whether the viewer holds the pen (and so may dispose).</summary>
public sealed record DispositionsView(string ConsultationId, string Title, bool MayDispose, IReadOnlyList<DispositionRow> Rows);

public sealed record DispositionChoice(string? Decision, string? Reason);

/// <summary>The pen-holders' answers to a consultation's comments.</summary>
public interface IDispositionsPort
{
    Task<DispositionsView?> GetAsync(string consultationId, string viewerEmail, CancellationToken ct);

    Task<ActResult> DisposeAsync(string consultationId, string commentId, string viewerEmail, DispositionChoice choice, CancellationToken ct);
}

/// <summary>The decisions as the form offers them; the server checks the same rule again.</summary>
public static class DispositionDecisionNames
{
    public static readonly IReadOnlyList<(string Value, string Label)> All =
        [("accepted", "Accepted"), ("partiallyAccepted", "Partially accepted"), ("notAccepted", "Not accepted"), ("noted", "Noted")];

    public static bool NeedsReason(string? decision) => decision is "notAccepted" or "partiallyAccepted";

    public static string Label(string? decision) => All.FirstOrDefault(d => d.Value == decision).Label ?? decision ?? "";
}
