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
