using Humanizer;

namespace FocWorkflows.Designer.Pages.Approvals;

/// <summary>The API's camelCase names of modes, kinds and results, as a reader says them.</summary>
public static class ApprovalWords
{
    public static string Mode(string mode) => mode switch
    {
        "silence" => "Silence procedure: adopted unless a government objects",
        "consensus" => "Consensus: every government endorses or does not object",
        "signOn" => "Sign-on: governments sign on until the deadline",
        "majority" => "Majority vote",
        _ => mode.Humanize(),
    };

    public static string Kind(string kind) => kind.Humanize(LetterCasing.Sentence);

    public static string Result(string result) => result.Humanize(LetterCasing.LowerCase);

    public static string Reason(string reason) => reason.Humanize(LetterCasing.LowerCase);
}
