using FocWorkflows.Server.Engine.State;
using FocWorkflows.Server.Integrations.Graph;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FocWorkflows.Server.Persistence;

internal sealed class OutboxAttemptConfiguration : IEntityTypeConfiguration<OutboxAttempt>
{
    public void Configure(EntityTypeBuilder<OutboxAttempt> b)
    {
        b.ToTable("OutboxAttempts");
        b.HasKey(x => x.Id);
        // One row per attempt number: two dispatchers can never both record attempt N.
        b.HasIndex(x => new { x.MessageId, x.Number }).IsUnique();
        b.HasIndex(x => new { x.Mailbox, x.StartedAt });
        b.HasOne<OutboxMessage>().WithMany().HasForeignKey(x => x.MessageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CalendarEventLinkConfiguration : IEntityTypeConfiguration<CalendarEventLink>
{
    public void Configure(EntityTypeBuilder<CalendarEventLink> b)
    {
        b.ToTable("CalendarEvents");
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasMaxLength(300);
    }
}

internal sealed class MailboxPauseConfiguration : IEntityTypeConfiguration<MailboxPause>
{
    public void Configure(EntityTypeBuilder<MailboxPause> b)
    {
        b.ToTable("MailboxPauses");
        b.HasKey(x => x.Mailbox);
        b.Property(x => x.Mailbox).HasMaxLength(320);
    }
}
