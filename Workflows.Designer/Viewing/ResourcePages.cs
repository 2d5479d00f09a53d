using System.Text.RegularExpressions;

namespace FocWorkflows.Designer.Viewing;

/// <summary>
/// Tasks name their resource as the API addresses it (stored with the task); people act on the
/// page for that resource. An address without a page stays as it is.
/// </summary>
public static partial class ResourcePages
{
    public static string PageFor(string href)
    {
        var path = href.Split('?', '#')[0];
        if (ApprovalRound().Match(path) is { Success: true } a) return $"/approvals/{a.Groups[1].Value}";
        if (Dispositions().Match(path) is { Success: true } d) return $"/consultations/{d.Groups[1].Value}/dispositions";
        if (Consultation().Match(path) is { Success: true } c) return $"/consultations/{c.Groups[1].Value}";
        if (Drafts().Match(path) is { Success: true } s) return $"/instances/{s.Groups[1].Value}/drafts/latest";
        return href;
    }

    [GeneratedRegex("^/api/approvals/([^/]+)/?$")]
    private static partial Regex ApprovalRound();

    [GeneratedRegex("^/api/consultations/([^/]+)/dispositions/?$")]
    private static partial Regex Dispositions();

    [GeneratedRegex("^/api/consultations/([^/]+)/?$")]
    private static partial Regex Consultation();

    [GeneratedRegex("^/api/instances/([^/]+)/drafts/?$")]
    private static partial Regex Drafts();
}
