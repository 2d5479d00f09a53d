using Microsoft.Extensions.Options;

namespace FocWorkflows.Server.Engine.Running;

/// <summary>
/// Fires due timers. It looks at once when the server starts, so a timer that fell due while the
/// server was down fires then, and afterwards every poll interval (a second by default).
/// </summary>
public sealed class TimerWorker(WorkflowRuntime runtime, TimeProvider time, IOptions<EngineOptions> options, ILogger<TimerWorker> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunTimerWorker) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Keep firing while whole batches come back: a backlog after downtime drains at once.
                while (await runtime.FireDueTimersAsync(stoppingToken) > 0) { }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Firing due timers failed; trying again at the next tick.");
            }
            try
            {
                await Task.Delay(options.Value.TimerPollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
