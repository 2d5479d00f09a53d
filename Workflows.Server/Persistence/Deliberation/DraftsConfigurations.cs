using FocWorkflows.Server.Deliberation.Drafts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FocWorkflows.Server.Persistence.Deliberation;

internal sealed class DraftVersionConfiguration : IEntityTypeConfiguration<DraftVersion>
{
    public void Configure(EntityTypeBuilder<DraftVersion> b)
    {
        b.ToTable("DraftVersions");
        b.HasKey(d => d.Id);
        // Two submissions can never both become version n of one instance.
        b.HasIndex(d => new { d.InstanceId, d.Number }).IsUnique();
        b.Property(d => d.Title).HasMaxLength(500);
    }
}
