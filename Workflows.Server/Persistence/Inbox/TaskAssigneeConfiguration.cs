using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FocWorkflows.Server.Persistence.Inbox;

internal sealed class TaskAssigneeConfiguration : IEntityTypeConfiguration<TaskAssigneeRow>
{
    public void Configure(EntityTypeBuilder<TaskAssigneeRow> b)
    {
        b.ToTable("TaskAssignees");
        // The assignee leads: an inbox is a seek on it.
        b.HasKey(x => new { x.Assignee, x.TaskId });
    }
}
