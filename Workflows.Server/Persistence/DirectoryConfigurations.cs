using FocWorkflows.Server.Deliberation.Directory;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FocWorkflows.Server.Persistence;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.HasKey(p => p.Id);
        b.HasIndex(p => p.Email).IsUnique();
        b.Property(p => p.Email).HasMaxLength(320);
    }
}

internal sealed class GovernmentConfiguration : IEntityTypeConfiguration<Government>
{
    public void Configure(EntityTypeBuilder<Government> b)
    {
        b.HasKey(g => g.Code);
        b.Property(g => g.Code).HasMaxLength(2);
    }
}

internal sealed class TaskForceConfiguration : IEntityTypeConfiguration<TaskForce>
{
    public void Configure(EntityTypeBuilder<TaskForce> b)
    {
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).HasMaxLength(100);
    }
}
