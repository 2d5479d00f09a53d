namespace FocWorkflows.Server.Observability;

// Placeholder until the OpenTelemetry branch lands (replaced by it).
public static class EngineTelemetry
{
    public static System.Diagnostics.Activity? StartBurst(string kind, string instanceId) => null;
    public static void EndBurst(System.Diagnostics.Activity? span, string kind, string outcome, TimeSpan duration, int activitiesRun) { }
    public static void RecordCommitBatch(int bursts, TimeSpan latency) { }
    public static void TimersFired(int count) { }
}
