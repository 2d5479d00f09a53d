using FocWorkflows.Server.Engine.State;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FocWorkflows.Server.Persistence;

internal sealed class StoredDefinitionConfiguration : IEntityTypeConfiguration<StoredDefinition>
{
    public void Configure(EntityTypeBuilder<StoredDefinition> b)
    {
        b.HasKey(d => new { d.DefinitionId, d.Version });
        b.Property(d => d.DefinitionId).HasMaxLength(200);
        b.Ignore(d => d.IsDraft);
    }
}

internal sealed class WorkflowInstanceConfiguration : IEntityTypeConfiguration<WorkflowInstance>
{
    public void Configure(EntityTypeBuilder<WorkflowInstance> b)
    {
        b.HasKey(i => i.Id);
        b.Property(i => i.Status).HasConversion<string>();
        b.Property(i => i.Stamp).IsConcurrencyToken();
        b.HasIndex(i => new { i.DefinitionId, i.Status });
        b.HasIndex(i => i.TaskForceId);
        b.HasIndex(i => i.CreatedAt);
    }
}

internal sealed class BookmarkConfiguration : IEntityTypeConfiguration<Bookmark>
{
    /// <summary>
    /// Until when a pass of the timer worker (in this process or another) has taken this due timer. A shadow
    /// property: the engine never sees it, and a burst that reschedules a timer writes it back empty.
    /// </summary>
    public const string ClaimedUntil = nameof(ClaimedUntil);

    public void Configure(EntityTypeBuilder<Bookmark> b)
    {
        b.HasKey(x => x.Id);
        b.Property<DateTimeOffset?>(ClaimedUntil);
        b.HasIndex(x => new { x.Kind, x.Key });
        b.HasIndex(x => x.DueAt);
        b.HasIndex(x => x.InstanceId);
    }
}

internal sealed class HumanTaskConfiguration : IEntityTypeConfiguration<HumanTask>
{
    public void Configure(EntityTypeBuilder<HumanTask> b)
    {
        b.ToTable("Tasks");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.Status, x.DueAt });
        b.HasIndex(x => x.InstanceId);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("Outbox");
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.Status, x.NextAttemptAt });
        b.Property(x => x.EventKey).HasMaxLength(300);
        // One event's messages, oldest first: the dispatcher reads them to keep their order.
        b.HasIndex(x => new { x.EventKey, x.CreatedAt });
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.ToTable("IdempotencyKeys");
        b.HasKey(x => new { x.Scope, x.Key });
    }
}
