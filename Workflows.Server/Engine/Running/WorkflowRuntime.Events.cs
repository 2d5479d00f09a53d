using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FocWorkflows.Server.Engine.State;

namespace FocWorkflows.Server.Engine.Running;

/// <summary>A named event for the instances waiting on it; the idempotency key is per caller.</summary>
public sealed record EventDelivery(string Name, string? CorrelationKey, JsonNode? Payload, string? Actor, string? IdempotencyKey = null);

/// <summary>The instances the event resumed (with an idempotency key: ever, by this key), in id order.</summary>
public sealed record EventDeliveryResult(IReadOnlyList<string> ResumedInstances, bool Replayed);

// Delivering external events.
public sealed partial class WorkflowRuntime
{
    /// <summary>Delivers a named event to every instance waiting on it with this correlation key; returns those it resumed.</summary>
    public async Task<IReadOnlyList<string>> PublishEventAsync(string name, string? correlationKey, JsonNode? payload, string? actor, CancellationToken ct) =>
        (await DeliverEventAsync(new EventDelivery(name, correlationKey, payload, actor), ct)).ResumedInstances;

    /// <summary>
    /// Delivers a named event to every instance waiting on it with this correlation key. With an idempotency key,
    /// each instance's burst records the key with its resume, in the same transaction, and a burst that finds the
    /// key already recorded for its instance resumes nothing: a retried request never resumes an instance twice
    /// (even one that waits on the same event again), resumes those a failed first attempt did not reach, and
    /// answers with every instance the key resumed. The same key with another event or payload is refused (422).
    /// </summary>
    public async Task<EventDeliveryResult> DeliverEventAsync(EventDelivery delivery, CancellationToken ct)
    {
        var key = EventKey(delivery.Name, delivery.CorrelationKey);
        var resumed = new SortedSet<string>(StringComparer.Ordinal);
        var replayed = false;
        var idempotency = delivery.IdempotencyKey is { } k ? (Scope: EventScope(delivery.Actor, k), RequestHash: Hash(delivery)) : default;
        if (delivery.IdempotencyKey is not null)
        {
            var earlier = await store.FindIdempotencyScopeAsync(idempotency.Scope, ct);
            if (earlier.Any(r => r.RequestHash != idempotency.RequestHash))
                throw new WorkflowProblem(ProblemKind.Unprocessable, "Idempotency key reused",
                    "This Idempotency-Key was already used with a different event or payload.",
                    new Dictionary<string, string[]> { ["Idempotency-Key"] = ["was already used with a different event or payload."] });
            resumed.UnionWith(earlier.Select(r => r.ResourceId));
            replayed = earlier.Count > 0;
        }

        foreach (var instanceId in (await store.FindBookmarksAsync(BookmarkKinds.Event, key, ct)).Select(b => b.InstanceId).Distinct())
        {
            if (resumed.Contains(instanceId)) continue;
            var delivered = false;
            try
            {
                await RunBurstAsync(BurstKinds.Event, instanceId, delivery.Actor ?? SystemActor, null, async burst =>
                {
                    // A retry after a lost commit race decides afresh: the other process may have delivered it.
                    delivered = false;
                    // Re-read under the lock: a concurrent event may have consumed the bookmark.
                    var bookmark = burst.OpenBookmarks.FirstOrDefault(b => b.Kind == BookmarkKinds.Event && b.Key == key);
                    if (bookmark is null || !IsActive(burst)) return;
                    if (delivery.IdempotencyKey is not null)
                    {
                        if (await store.FindIdempotencyAsync(idempotency.Scope, instanceId, ct) is not null)
                        {
                            delivered = replayed = true; // a concurrent request with this key resumed it first
                            return;
                        }
                        burst.Idempotency = new IdempotencyRecord
                        {
                            Scope = idempotency.Scope, Key = instanceId, RequestHash = idempotency.RequestHash, ResourceId = instanceId, CreatedAt = burst.Now,
                        };
                    }
                    await interpreter.ResumeAsync(burst, bookmark, delivery.Payload, ct);
                    delivered = true;
                }, ct);
            }
            catch (DuplicateIdempotencyKeyException)
            {
                // Another process committed this instance's resume with this key at the same moment.
                delivered = replayed = true;
            }
            if (delivered) resumed.Add(instanceId);
        }
        return new EventDeliveryResult([.. resumed], replayed);
    }

    // One record per resumed instance (its id is the record's key) under a scope naming the caller and their key.
    private static string EventScope(string? actor, string idempotencyKey) =>
        "publish-event:" + JsonSerializer.Serialize(new[] { actor, idempotencyKey });

    private static string Hash(EventDelivery delivery) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        JsonSerializer.Serialize(new { delivery.Name, delivery.CorrelationKey, Payload = delivery.Payload?.ToJsonString() }))));
}
