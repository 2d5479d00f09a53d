using System.Globalization;
using Jint.Runtime;

namespace FocWorkflows.Server.Engine.Expressions;

// Makes Date.now() and new Date() in scripts agree with the scope's injected Now, and pins the
// script's local time zone to UTC so results never depend on the server's settings.
internal sealed class FixedClockTimeSystem(DateTimeOffset now) : ITimeSystem
{
    private static readonly DefaultTimeSystem Utc = new(TimeZoneInfo.Utc, CultureInfo.InvariantCulture);

    public TimeZoneInfo DefaultTimeZone => Utc.DefaultTimeZone;

    public DateTimeOffset GetUtcNow() => now.ToUniversalTime();

    public TimeSpan GetUtcOffset(long epochMilliseconds) => Utc.GetUtcOffset(epochMilliseconds);

    public bool TryParse(string date, out long epochMilliseconds) => Utc.TryParse(date, out epochMilliseconds);
}
