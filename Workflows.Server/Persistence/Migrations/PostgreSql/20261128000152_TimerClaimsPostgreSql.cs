using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FocWorkflows.Server.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class TimerClaimsPostgreSql : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ClaimedUntil",
                table: "Bookmarks",
                type: "bigint",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClaimedUntil",
                table: "Bookmarks");
        }
    }
}
