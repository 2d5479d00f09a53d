using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace FocWorkflows.EndToEnd.Infrastructure;

/// <summary>
/// What the browser refused because of the server's Content-Security-Policy: Chromium reports each
/// refusal (a script, a style, a connection, a frame) on the console. Every page is watched from its start.
/// </summary>
public static class CspViolations
{
    private static readonly ConditionalWeakTable<IPage, List<string>> Seen = new();

    public static void Watch(IPage page)
    {
        var seen = Seen.GetOrCreateValue(page);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                lock (seen) seen.Add(message.Text);
        };
    }

    public static void AssertNoCspViolations(this IPage page)
    {
        var seen = Seen.GetOrCreateValue(page);
        lock (seen) Assert.True(seen.Count == 0, $"The policy blocked, on {page.Url}:\n{string.Join("\n", seen)}");
    }
}
