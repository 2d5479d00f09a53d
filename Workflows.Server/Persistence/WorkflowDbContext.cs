using FocWorkflows.Server.Deliberation.Directory;
using FocWorkflows.Server.Engine.State;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FocWorkflows.Server.Persistence;

/// <summary>
/// The one database of the server: definitions, instances and their journal, the directory, the
/// deliberation records. One model for every provider; each provider has its own subclass only so
/// that its migrations stay apart (<see cref="SqliteWorkflowDbContext"/>, <see cref="PostgresWorkflowDbContext"/>).
/// </summary>
public abstract class WorkflowDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<StoredDefinition> Definitions => Set<StoredDefinition>();
    public DbSet<WorkflowInstance> Instances => Set<WorkflowInstance>();
    public DbSet<Bookmark> Bookmarks => Set<Bookmark>();
    public DbSet<HumanTask> Tasks => Set<HumanTask>();
    public DbSet<Journal.JournalBurstRow> JournalBursts => Set<Journal.JournalBurstRow>();
    public DbSet<Inbox.TaskAssigneeRow> TaskAssignees => Set<Inbox.TaskAssigneeRow>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<IdempotencyRecord> IdempotencyKeys => Set<IdempotencyRecord>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Government> Governments => Set<Government>();
    public DbSet<TaskForce> TaskForces => Set<TaskForce>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WorkflowDbContext).Assembly);

    /// <summary>Whether this is PostgreSQL, for the few statements that differ (row locks).</summary>
    public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset text; stored as ticks (on every provider, so the
        // model is one), timers query by due time.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}

public sealed class SqliteWorkflowDbContext(DbContextOptions<SqliteWorkflowDbContext> options) : WorkflowDbContext(options);

public sealed class PostgresWorkflowDbContext(DbContextOptions<PostgresWorkflowDbContext> options) : WorkflowDbContext(options);
