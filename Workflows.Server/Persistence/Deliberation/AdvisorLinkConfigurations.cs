using FocWorkflows.Server.Deliberation.Consultations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FocWorkflows.Server.Persistence.Deliberation;

internal sealed class AdvisorLinkRevocationConfiguration : IEntityTypeConfiguration<AdvisorLinkRevocation>
{
    public void Configure(EntityTypeBuilder<AdvisorLinkRevocation> b)
    {
        b.ToTable("AdvisorLinkRevocations");
        b.HasKey(r => r.Id);
        b.HasIndex(r => r.ConsultationId);
        b.Property(r => r.Email).HasMaxLength(320);
        b.Property(r => r.RevokedBy).HasMaxLength(320);
        b.Property(r => r.Reason).HasMaxLength(AdvisorLinkRevocation.MaxReasonLength);
        b.HasOne<Consultation>().WithMany().HasForeignKey(r => r.ConsultationId);
    }
}

internal sealed class AdvisorLinkUseConfiguration : IEntityTypeConfiguration<AdvisorLinkUse>
{
    public void Configure(EntityTypeBuilder<AdvisorLinkUse> b)
    {
        b.ToTable("AdvisorLinkUses");
        b.HasKey(u => u.Id);
        b.HasIndex(u => new { u.ConsultationId, u.At });
        b.Property(u => u.Email).HasMaxLength(320);
        b.Property(u => u.Address).HasMaxLength(64);
        b.Property(u => u.Via).HasMaxLength(16);
    }
}
