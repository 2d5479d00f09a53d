using Microsoft.Extensions.Options;

namespace FocWorkflows.Server.Engine.Running;

/// <summary>
/// Fires due timers. It looks at once when the server starts, so a timer that fell due while the
/// server was down fires then, and afterwards every poll interval (a second by default). Each pass
/// goes on while due timers remain (<see cref="WorkflowRuntime.FireDueTimersAsync"/>).
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
                await runtime.FireDueTimersAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Claiming failed (the database is away): a timer's own failure never reaches here.
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
