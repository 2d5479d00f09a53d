using FocWorkflows.Server.Deliberation.Approvals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FocWorkflows.Server.Persistence.Deliberation;

internal sealed class ApprovalRoundConfiguration : IEntityTypeConfiguration<ApprovalRound>
{
    public void Configure(EntityTypeBuilder<ApprovalRound> b)
    {
        b.ToTable("ApprovalRounds");
        b.HasKey(r => r.Id);
        b.HasIndex(r => r.InstanceId);
        b.Property(r => r.Title).HasMaxLength(500);
    }
}

internal sealed class ApprovalResponseConfiguration : IEntityTypeConfiguration<ApprovalResponse>
{
    public void Configure(EntityTypeBuilder<ApprovalResponse> b)
    {
        b.ToTable("ApprovalResponses");
        b.HasKey(r => r.Id);
        // One voice per member government per round: a second row is impossible, not merely unlikely.
        b.HasIndex(r => new { r.RoundId, r.Government }).IsUnique();
        b.HasOne<ApprovalRound>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.Property(r => r.Government).HasMaxLength(2);
        b.Property(r => r.By).HasMaxLength(320);
        b.Property(r => r.OnBehalfOf).HasMaxLength(320);
    }
}
