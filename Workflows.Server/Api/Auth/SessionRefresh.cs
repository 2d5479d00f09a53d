using System.Globalization;
using System.Security.Claims;
using FocWorkflows.Server.Deliberation.Directory;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace FocWorkflows.Server.Api.Auth;

/// <summary>
/// A session lasts up to twelve hours, but roles live in the directory and the secretariat may change
/// them at any moment. Every few minutes the session's person is read again: new roles or a new name
/// reach open sessions, and someone no longer in the directory loses the session.
/// </summary>
public static class SessionRefresh
{
    /// <summary>How stale a session's roles may be; a directory read per person per interval is cheap.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    private const string RefreshedAt = "foc.refreshed";

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        if (LastRefresh(context.Properties) is { } last && now - last < Interval && now >= last) return;

        var email = context.Principal?.FindFirstValue(ClaimTypes.Email);
        var directory = context.HttpContext.RequestServices.GetRequiredService<IDirectory>();
        var person = email is null ? null : await directory.FindPersonAsync(email, context.HttpContext.RequestAborted);
        if (person is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(SessionAuthentication.CookieScheme);
            return;
        }
        context.ReplacePrincipal(DirectoryPrincipal.For(person, SessionAuthentication.CookieScheme));
        context.Properties.Items[RefreshedAt] = now.ToString("O", CultureInfo.InvariantCulture);
        context.ShouldRenew = true;
    }

    private static DateTimeOffset? LastRefresh(AuthenticationProperties properties) =>
        properties.Items.TryGetValue(RefreshedAt, out var value)
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null;
}
