using FocWorkflows.Server.Deliberation.Publications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FocWorkflows.Server.Persistence.Deliberation;

internal sealed class PublicationConfiguration : IEntityTypeConfiguration<Publication>
{
    public void Configure(EntityTypeBuilder<Publication> b)
    {
        b.ToTable("Publications");
        b.HasKey(p => p.Id);
        b.HasIndex(p => p.InstanceId);
        b.HasIndex(p => new { p.Status, p.ReleaseAt });
        b.Property(p => p.Title).HasMaxLength(500);
    }
}

internal sealed class TranslationConfiguration : IEntityTypeConfiguration<Translation>
{
    public void Configure(EntityTypeBuilder<Translation> b)
    {
        b.ToTable("Translations");
        b.HasKey(t => t.Id);
        b.HasIndex(t => new { t.PublicationId, t.Language }).IsUnique();
        b.Property(t => t.Language).HasMaxLength(35);
    }
}
