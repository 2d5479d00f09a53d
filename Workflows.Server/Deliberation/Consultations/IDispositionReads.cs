namespace FocWorkflows.Server.Deliberation.Consultations;

/// <summary>
/// What the comment-disposition step reads: a consultation's comments and the answers the pen-holders
/// gave them, to know when every comment is answered. A port, so the step depends on these reads alone.
/// </summary>
public interface IDispositionReads
{
    /// <summary>Comments in the order they arrived.</summary>
    Task<IReadOnlyList<Comment>> CommentsAsync(string consultationId, CancellationToken ct);

    Task<Comment?> FindCommentAsync(string consultationId, string commentId, CancellationToken ct);

    Task<IReadOnlyList<Disposition>> DispositionsAsync(string consultationId, CancellationToken ct);

    Task<Disposition?> FindDispositionAsync(string commentId, CancellationToken ct);
}
