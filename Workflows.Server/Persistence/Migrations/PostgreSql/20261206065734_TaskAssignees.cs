using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FocWorkflows.Server.Persistence.Migrations.PostgreSql
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
                    Assignee = table.Column<string>(type: "text", nullable: false),
                    TaskId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskAssignees", x => new { x.Assignee, x.TaskId });
                });

            // The tasks stored so far, by each of their assignees.
            migrationBuilder.Sql("INSERT INTO \"TaskAssignees\" (\"Assignee\", \"TaskId\") SELECT DISTINCT lower(j.value), t.\"Id\" FROM \"Tasks\" t CROSS JOIN LATERAL json_array_elements_text(t.\"AssigneesJson\"::json) AS j(value)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TaskAssignees");
        }
    }
}
