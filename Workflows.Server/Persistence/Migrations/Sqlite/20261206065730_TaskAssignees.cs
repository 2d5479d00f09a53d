using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FocWorkflows.Server.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TaskAssignees : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TaskAssignees",
                columns: table => new
                {
                    Assignee = table.Column<string>(type: "TEXT", nullable: false),
                    TaskId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskAssignees", x => new { x.Assignee, x.TaskId });
                });

            // The tasks stored so far, by each of their assignees.
            migrationBuilder.Sql("INSERT INTO \"TaskAssignees\" (\"Assignee\", \"TaskId\") SELECT DISTINCT lower(j.value), t.\"Id\" FROM \"Tasks\" t, json_each(t.\"AssigneesJson\") j");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TaskAssignees");
        }
    }
}
