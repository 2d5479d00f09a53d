using Microsoft.Extensions.Options;

namespace FocWorkflows.Server.Engine.Running;

/// <summary>
/// Verifies every instance's journal from the database at start and then every <c>Engine:JournalCheckInterval</c>
/// (a day by default). A broken journal is an alarm, not a state: each check that finds one logs an error
/// naming the instance and its first broken line, and adds the broken instances to <c>foc.journal.broken_instances</c>.
/// </summary>
public sealed class JournalCheckWorker(IJournalAudit audit, JournalMetrics metrics, TimeProvider time, IOptions<EngineOptions> options,
    ILogger<JournalCheckWorker> log) : BackgroundService
{
    /// <summary>The longest interval a timer can wait for; configuration beyond it is refused at start.</summary>
    public static readonly TimeSpan LongestInterval = TimeSpan.FromDays(30);

    // Enough names to act on; the count (logged and in the metric) is always the full one.
    private const int MaxLogged = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunJournalCheck) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CheckAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Checking the journals failed; trying again at the next check.");
            }
            try
            {
                await Task.Delay(options.Value.JournalCheckInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task CheckAsync(CancellationToken ct)
    {
        var summary = await JournalAuditSummary.CollectAsync(audit, MaxLogged, ct);
        if (summary.Intact)
        {
            log.LogInformation("Journal check: {Instances} instances, {Entries} lines, all intact.", summary.Instances, summary.Entries);
            return;
        }
        metrics.BrokenInstancesFound(summary.BrokenInstances);
        foreach (var broken in summary.Broken)
            log.LogError("The journal of instance {InstanceId} is broken from line {Sequence}: a line was edited, deleted or added outside the engine.",
                broken.InstanceId, broken.FirstBrokenSequence);
        log.LogError("Journal check: {Broken} of {Instances} instances have a broken journal.", summary.BrokenInstances, summary.Instances);
    }
}
