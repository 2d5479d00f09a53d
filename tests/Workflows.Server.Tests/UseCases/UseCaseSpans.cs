using System.Collections.Concurrent;
using System.Diagnostics;
using FocWorkflows.Server.Observability;
using FocWorkflows.Server.UseCases;

namespace FocWorkflows.Server.Tests.UseCases;

/// <summary>Listens to the use cases' spans and keeps those about the subjects a test named, whichever test runs beside it.</summary>
internal sealed class UseCaseSpans : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentBag<(string UseCase, string Door, string Subject)> _seen = [];

    public UseCaseSpans(string subjectPrefix)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == EngineTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = span =>
            {
                if (span.GetTagItem(UseCaseTrace.SubjectTag) is string subject && subject.StartsWith(subjectPrefix, StringComparison.Ordinal))
                    _seen.Add(((string)span.GetTagItem(UseCaseTrace.UseCaseTag)!, (string)span.GetTagItem(UseCaseTrace.DoorTag)!, subject));
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyCollection<(string UseCase, string Door, string Subject)> Seen => [.. _seen];

    public void Dispose() => _listener.Dispose();
}
