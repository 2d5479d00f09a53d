using FocWorkflows.Server.Deliberation.Consultations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FocWorkflows.Server.Persistence.Deliberation;

internal sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Consultation> b)
    {
        b.ToTable("Consultations");
        b.HasKey(c => c.Id);
        b.HasIndex(c => new { c.InstanceId, c.NodeId });
        b.Property(c => c.Title).HasMaxLength(500);
    }
}

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> b)
    {
        b.ToTable("Comments");
        b.HasKey(c => c.Id);
        b.HasIndex(c => new { c.ConsultationId, c.CreatedAt });
        b.Ignore(c => c.Commenter);
        b.HasOne<Consultation>().WithMany().HasForeignKey(c => c.ConsultationId);
    }
}

internal sealed class DispositionConfiguration : IEntityTypeConfiguration<Disposition>
{
    public void Configure(EntityTypeBuilder<Disposition> b)
    {
        b.ToTable("Dispositions");
        // One answer per comment: a second one is an update, never a duplicate.
        b.HasKey(d => d.CommentId);
        b.HasIndex(d => d.ConsultationId);
        b.HasOne<Comment>().WithOne().HasForeignKey<Disposition>(d => d.CommentId);
    }
}
