namespace FocWorkflows.Server.Api.Guards;

/// <summary>
/// How much one caller may do per <see cref="Window"/> (section <c>RateLimits</c>). Writes (POST, PUT,
/// PATCH, DELETE on the API and the pages) count per signed-in person; every request carrying an
/// advisor's link counts per link; both count per client address as well. Reading, signed in, is free.
/// The defaults let a coalition of 42 governments answer at once and stop one script from flooding.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Writes by one signed-in person per window.</summary>
    public int WritesPerPerson { get; set; } = 120;

    /// <summary>Requests made with one advisor link per window: its page, its comments, its API calls.</summary>
    public int RequestsPerLink { get; set; } = 60;

    /// <summary>
    /// Writes and link requests from one client address per window, whoever makes them. Behind a reverse
    /// proxy, configure forwarded headers so this is the client's address, not the proxy's.
    /// </summary>
    public int RequestsPerAddress { get; set; } = 600;
}
