using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FocWorkflows.Server.Persistence.Journal;

internal sealed class JournalBurstConfiguration : IEntityTypeConfiguration<JournalBurstRow>
{
    public void Configure(EntityTypeBuilder<JournalBurstRow> b)
    {
        b.ToTable("JournalBursts");
        // One row per first line: two bursts can never both append line N.
        b.HasKey(x => new { x.InstanceId, x.FirstSequence });
    }
}
