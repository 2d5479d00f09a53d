using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FocWorkflows.Server.Persistence;

/// <summary>Lets <c>dotnet ef migrations add X --context SqliteWorkflowDbContext</c> build the model without the server.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteWorkflowDbContext>
{
    public SqliteWorkflowDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteWorkflowDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>The same for PostgreSQL (<c>--context PostgresWorkflowDbContext</c>); no server is contacted.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresWorkflowDbContext>
{
    public PostgresWorkflowDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresWorkflowDbContext>().UseNpgsql("Host=localhost;Database=design-time").Options);
}
