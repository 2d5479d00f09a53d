using System.Text.Json.Nodes;
using FocWorkflows.Server.Deliberation;
using FocWorkflows.Server.Deliberation.Directory;
using FocWorkflows.Server.Deliberation.Drafts;
using FocWorkflows.Server.Engine.Activities;

namespace FocWorkflows.Server.Activities.Deliberation;

/// <summary>
/// What a round's and a consultation's withdrawal share: everyone involved is told, and the record keeps who
/// withdrew the text and why. The step then ends with the outcome <see cref="WithdrawRequest.Outcome"/>.
/// </summary>
internal static class Withdrawal
{
    /// <summary>Who withdrew it: the chair the secretariat acted for, else the caller.</summary>
    public static string By(ResumeSignal signal) => signal.OnBehalfOf ?? signal.Actor ?? "";

    /// <summary>
    /// Mails the audience and the pen-holders (once each) with <paramref name="template"/>, and journals
    /// <paramref name="event"/> with the reason and how many were told.
    /// </summary>
    /// <param name="directory">The calling step's directory, to find the pen-holders.</param>
    public static async Task TellEveryoneAsync(ActivityContext context, IDirectory directory, IEnumerable<string> audience, string template,
        string @event, JsonObject about, string reason, CancellationToken ct)
    {
        var penHolders = await PenHolders.ResolveAsync(directory, context.TaskForceId, ct);
        var told = audience.Concat(penHolders.Select(p => p.Email)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var email in told)
        {
            var mail = (JsonObject)about.DeepClone();
            mail["template"] = template;
            mail["to"] = email;
            mail["reason"] = reason;
            context.Enqueue("mail", mail);
        }
        var details = (JsonObject)about.DeepClone();
        details.Remove("title");
        details["reason"] = reason;
        details["told"] = told.Count;
        context.Journal(@event, details);
    }
}
