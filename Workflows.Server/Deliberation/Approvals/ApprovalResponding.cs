using System.Text.Json.Nodes;
using FocWorkflows.Server.Engine.Activities;

namespace FocWorkflows.Server.Deliberation.Approvals;

/// <summary>
/// Records a government's response in a burst: the first one is inserted, a later one changes the
/// same row (one current response per government) and the journal keeps what it replaced.
/// </summary>
public static class ApprovalResponding
{
    public const string Recorded = "response-recorded";
    public const string Changed = "response-changed";

    /// <summary>Applies the response to <paramref name="responses"/> (the round's current ones) and to the burst.</summary>
    public static ApprovalResponse Apply(ActivityContext context, ApprovalRound round, List<ApprovalResponse> responses, string government,
        RespondRequest request, ResumeSignal signal)
    {
        var existing = responses.FirstOrDefault(r => r.Government == government);
        var previous = existing?.Kind;
        var response = existing ?? new ApprovalResponse { Id = context.NewId(), RoundId = round.Id, Government = government, By = signal.Actor ?? "" };
        response.Kind = request.Kind;
        response.Reason = request.Reason;
        response.ProposedText = request.ProposedText;
        response.By = signal.Actor ?? "";
        response.OnBehalfOf = signal.OnBehalfOf;
        response.At = context.Now;
        if (existing is null)
        {
            context.Record(response);
            responses.Add(response);
        }
        else
        {
            response.Revision++;
            context.Update(response);
        }
        context.Journal(existing is null ? Recorded : Changed, new JsonObject
        {
            ["roundId"] = round.Id, ["draftVersion"] = round.DraftVersion, ["government"] = government,
            ["previous"] = previous is { } p ? Camel(p) : null, ["kind"] = Camel(request.Kind),
            ["reason"] = request.Reason, ["proposedText"] = request.ProposedText, ["revision"] = response.Revision,
        });
        return response;
    }

    private static string Camel(ResponseKind kind) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());
}
