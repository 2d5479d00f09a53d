using FocWorkflows.Designer.Ports;

namespace FocWorkflows.Designer.Tests.Pages;

/// <summary>The approval page's port: a canned round, and the answers it was sent.</summary>
internal sealed class FakeApprovalsPort : IApprovalsPort
{
    public ApprovalPageView? Round { get; set; }
    public ActResult Answer { get; set; } = ActResult.Done;
    public List<ApprovalAnswer> Sent { get; } = [];

    public Task<Seen<ApprovalPageView>> GetAsync(string roundId, string viewerEmail, CancellationToken ct) => Task.FromResult(Seen<ApprovalPageView>.Of(Round));

    public List<DeadlineExtension> Extensions { get; } = [];

    public Task<ActResult> RespondAsync(string roundId, string viewerEmail, ApprovalAnswer answer, CancellationToken ct)
    {
        Sent.Add(answer);
        return Task.FromResult(Answer);
    }

    public Task<ActResult> ExtendAsync(string roundId, string viewerEmail, DeadlineExtension extension, CancellationToken ct)
    {
        Extensions.Add(extension);
        return Task.FromResult(Answer);
    }

    public List<string> Withdrawals { get; } = [];

    public Task<ActResult> WithdrawAsync(string roundId, string viewerEmail, string reason, CancellationToken ct)
    {
        Withdrawals.Add(reason);
        return Task.FromResult(Answer);
    }
}

/// <summary>The draft pages' port: a canned draft and redline, and the versions it was sent.</summary>
internal sealed class FakeDraftsPort : IDraftsPort
{
    public DraftPageView? Draft { get; set; }
    public RedlineView? Redline { get; set; }
    public ActResult Answer { get; set; } = ActResult.Done;
    public List<DraftSubmission> Sent { get; } = [];

    public Task<Seen<DraftPageView>> GetAsync(string instanceId, int? number, string viewerEmail, CancellationToken ct) => Task.FromResult(Seen<DraftPageView>.Of(Draft));

    public Task<Seen<RedlineView>> RedlineAsync(string instanceId, int from, int to, string viewerEmail, CancellationToken ct) =>
        Task.FromResult(Seen<RedlineView>.Of(Redline));

    public Task<ActResult> SubmitAsync(string instanceId, string viewerEmail, DraftSubmission submission, CancellationToken ct)
    {
        Sent.Add(submission);
        return Task.FromResult(Answer);
    }

    /// <summary>What a document read gives; the bytes it was handed are kept.</summary>
    public WordReading Reading { get; set; } = new("Read from Word.", null, [], null);
    public List<byte[]> Read { get; } = [];

    public async Task<WordReading> ReadWordAsync(Stream document, CancellationToken ct)
    {
        using var bytes = new MemoryStream();
        await document.CopyToAsync(bytes, ct);
        Read.Add(bytes.ToArray());
        return Reading;
    }
}

/// <summary>The disposition page's port: a canned matrix, and the choices it was sent.</summary>
internal sealed class FakeDispositionsPort : IDispositionsPort
{
    public DispositionsView? Matrix { get; set; }
    public ActResult Answer { get; set; } = ActResult.Done;
    public List<(string CommentId, DispositionChoice Choice)> Sent { get; } = [];

    /// <summary>When set, the page is refused this way instead of shown.</summary>
    public Refusal? Refused { get; set; }

    /// <summary>When set, the port answers only once this completes, as a database that really waits does.</summary>
    public TaskCompletionSource? Gate { get; set; }

    public async Task<Seen<DispositionsView>> GetAsync(string consultationId, string viewerEmail, CancellationToken ct)
    {
        if (Gate is { } gate) await gate.Task;
        return Refused is { } refusal ? new Seen<DispositionsView>(null, refusal) : Seen<DispositionsView>.Of(Matrix);
    }

    public List<DeadlineExtension> Extensions { get; } = [];
    public List<string> Closes { get; } = [];
    public List<(string? Advisor, string? Reason)> Revoked { get; } = [];

    public Task<ActResult> RevokeLinksAsync(string consultationId, string viewerEmail, string? advisor, string? reason, CancellationToken ct)
    {
        Revoked.Add((advisor, reason));
        return Task.FromResult(Answer);
    }

    public Task<ActResult> DisposeAsync(string consultationId, string commentId, string viewerEmail, DispositionChoice choice, CancellationToken ct)
    {
        Sent.Add((commentId, choice));
        return Task.FromResult(Answer);
    }

    public Task<ActResult> ExtendAsync(string consultationId, string viewerEmail, DeadlineExtension extension, CancellationToken ct)
    {
        Extensions.Add(extension);
        return Task.FromResult(Answer);
    }

    public Task<ActResult> CloseAsync(string consultationId, string viewerEmail, string reason, CancellationToken ct)
    {
        Closes.Add(reason);
        return Task.FromResult(Answer);
    }
}
