using Microsoft.AspNetCore.Http;

namespace FocWorkflows.Designer.Forms;

/// <summary>
/// Which form a static page's POST names (its <c>_handler</c>), and what it carried. Blazor answers a bare 400
/// when the posted form is no longer on the page (the round closed, the task was done meanwhile); a page
/// asks here whether to render a <see cref="LateForm"/> in its place.
/// </summary>
public static class PostedForm
{
    /// <summary>The posted handler: <c>respond</c>, or <c>[comment-c1]dispose</c> inside a <c>FormMappingScope</c>; null for a GET.</summary>
    public static string? Handler(HttpContext? http) =>
        http?.Request is { } request && HttpMethods.IsPost(request.Method) && request.HasFormContentType
            && request.Form["_handler"].ToString() is { Length: > 0 } handler ? handler : null;

    public static string HandlerOf(string formName, string? scope) => string.IsNullOrEmpty(scope) ? formName : $"[{scope}]{formName}";

    public static bool Names(HttpContext? http, string formName, string? scope = null) => Handler(http) == HandlerOf(formName, scope);

    /// <summary>The scope of a posted <paramref name="formName"/> (<c>task-t1</c> of <c>[task-t1]complete</c>): for a list whose item is gone.</summary>
    public static string? ScopeOf(HttpContext? http, string formName) =>
        Handler(http) is { } handler && handler.StartsWith('[') && handler.EndsWith($"]{formName}", StringComparison.Ordinal)
            ? handler[1..^(formName.Length + 1)] : null;

    /// <summary>A posted field's text, as the person typed it.</summary>
    public static string? Value(HttpContext? http, string field) =>
        Handler(http) is null ? null : http!.Request.Form[field].ToString();

    /// <summary>The posted fields whose names start with <paramref name="prefix"/> (<c>Data[</c>), in the order sent.</summary>
    public static IEnumerable<string> FieldsStartingWith(HttpContext? http, string prefix) =>
        Handler(http) is null ? [] : http!.Request.Form.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal));
}
