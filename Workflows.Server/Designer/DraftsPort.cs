using FocWorkflows.Designer.Ports;
using FocWorkflows.Server.Activities.Deliberation;
using FocWorkflows.Server.Deliberation;
using FocWorkflows.Server.Deliberation.Directory;
using FocWorkflows.Server.Deliberation.Drafts;
using FocWorkflows.Server.Deliberation.Word.Reading;
using FocWorkflows.Server.Engine;
using FocWorkflows.Server.Persistence.Deliberation;
using FocWorkflows.Server.UseCases;
using static FocWorkflows.Server.Designer.PortProblems;

namespace FocWorkflows.Server.Designer;

/// <summary>The draft pages' port: the same store, renderer and resume as <c>/api/instances/{id}/drafts</c>.</summary>
internal sealed class DraftsPort(DraftStore drafts, ConsultationStore consultations, IDirectory directory, IWorkflowStore workflows,
    InstanceAccess access, SubmitDraft submit) : IDraftsPort
{
    public async Task<Seen<DraftPageView>> GetAsync(string instanceId, int? number, string viewerEmail, CancellationToken ct)
    {
        if (!await drafts.InstanceExistsAsync(instanceId, ct)) return Seen<DraftPageView>.NotFound;
        var visible = await access.VisibleDraftsAsync(await access.ViewerAsync(viewerEmail, ct), instanceId, ct);
        if (!visible.Everything && visible.Versions.Count == 0) return Seen<DraftPageView>.NotAllowed;
        var versions = await drafts.ListAsync(instanceId, ct);
        var version = number is { } n ? versions.FirstOrDefault(v => v.Number == n) : versions.LastOrDefault(v => visible.Sees(v.Number));
        if (number is not null && version is null) return Seen<DraftPageView>.NotFound;
        if (version is not null && !visible.Sees(version.Number)) return Seen<DraftPageView>.NotAllowed;
        return Seen<DraftPageView>.Shown(new DraftPageView(instanceId, [.. versions.Select(v => v.Number).Where(visible.Sees)],
            version is null ? null : ToView(version), await MaySubmitAsync(instanceId, viewerEmail, ct)));
    }

    public async Task<Seen<RedlineView>> RedlineAsync(string instanceId, int from, int to, string viewerEmail, CancellationToken ct)
    {
        if (await drafts.GetAsync(instanceId, from, ct) is not { } a || await drafts.GetAsync(instanceId, to, ct) is not { } b) return Seen<RedlineView>.NotFound;
        var visible = await access.VisibleDraftsAsync(await access.ViewerAsync(viewerEmail, ct), instanceId, ct);
        if (!visible.Sees(from) || !visible.Sees(to)) return Seen<RedlineView>.NotAllowed;
        var redline = Redline.Between(Paragraphs.Of(a.Markdown), Paragraphs.Of(b.Markdown));
        int Count(ParagraphChangeKind kind) => redline.Changes.Count(c => c.Kind == kind);
        return Seen<RedlineView>.Shown(new RedlineView(instanceId, from, to, redline.Html, Count(ParagraphChangeKind.Changed), Count(ParagraphChangeKind.Added),
            Count(ParagraphChangeKind.Removed)));
    }

    public Task<ActResult> SubmitAsync(string instanceId, string viewerEmail, DraftSubmission submission, CancellationToken ct) => ActAsync(() =>
        submit.RunAsync(new SubmitDraftCommand(instanceId, submission.Markdown, submission.Title, submission.Note, OnBehalfOf: null),
            ThroughPages(viewerEmail), ct));

    public async Task<WordReading> ReadWordAsync(Stream document, CancellationToken ct)
    {
        try
        {
            var import = DocxReader.Read(await DocxUpload.ReadBoundedAsync(document, ct));
            if (!import.HasText) return new WordReading(null, null, [], import.NoTextReason);
            return new WordReading(import.Markdown, import.Title, [.. import.Losses.Select(l => l.Message)], null);
        }
        catch (DocxRefused refused)
        {
            return new WordReading(null, null, [], refused.Message);
        }
    }

    // The page offers the form only where the step would take it: an open draft step, and a pen-holder.
    private async Task<bool> MaySubmitAsync(string instanceId, string viewerEmail, CancellationToken ct)
    {
        if ((await workflows.FindBookmarksAsync(DraftActivity.Type, instanceId, ct)).Count == 0) return false;
        var penHolders = await PenHolders.ResolveAsync(directory, await consultations.TaskForceOfAsync(instanceId, ct), ct);
        return PenHolders.Includes(penHolders, viewerEmail);
    }

    private static DraftVersionView ToView(DraftVersion v) => new(v.Number, v.Title, v.Note, v.OnBehalfOf ?? v.SubmittedBy, v.SubmittedAt,
        [.. Paragraphs.Of(v.Markdown).Select(p => new AdvisorParagraph(p.Number, DraftHtml.Render(p.Markdown)))], v.Markdown);
}
