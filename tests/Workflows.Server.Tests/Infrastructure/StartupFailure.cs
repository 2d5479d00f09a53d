using Microsoft.Extensions.Options;

namespace FocWorkflows.Server.Tests.Infrastructure;

/// <summary>Starts an app that must refuse to start, and returns why it refused.</summary>
public static class StartupFailure
{
    /// <summary>
    /// The exception that stopped the start. WebApplicationFactory races the server's own thread:
    /// when the start fails fast, that thread may dispose the host before the factory asks it for its
    /// lifetime, and the factory then reports only <see cref="ObjectDisposedException"/>, losing the
    /// reason. That report says nothing about our server, so the start is tried again.
    /// </summary>
    public static Exception Of(Func<TestApp> newApp)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var app = newApp();
            var error = Assert.ThrowsAny<Exception>(() => app.Services);
            if (error is not ObjectDisposedException || attempt == 5) return error;
        }
    }

    /// <summary>The validation failures that stopped the start; fails the test if it stopped for another reason.</summary>
    public static IReadOnlyList<string> ValidationFailuresOf(Func<TestApp> newApp)
    {
        var error = Of(newApp);
        var validation = error as OptionsValidationException ?? error.InnerException as OptionsValidationException ?? throw error;
        return [.. validation.Failures];
    }
}
