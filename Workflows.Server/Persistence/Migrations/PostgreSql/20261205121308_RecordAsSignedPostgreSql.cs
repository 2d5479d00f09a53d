using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FocWorkflows.Server.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class RecordAsSignedPostgreSql : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "Dissociated",
                table: "Publications",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]"); // publications released before dissociation existed have none

            migrationBuilder.AddColumn<string>(
                name: "CloseReason",
                table: "ApprovalRounds",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosedBy",
                table: "ApprovalRounds",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Dissociated",
                table: "Publications");

            migrationBuilder.DropColumn(
                name: "CloseReason",
                table: "ApprovalRounds");

            migrationBuilder.DropColumn(
                name: "ClosedBy",
                table: "ApprovalRounds");
        }
    }
}
