using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FocWorkflows.Server.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CalendarOrderPostgreSql : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EventKey",
                table: "Outbox",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SupersededBy",
                table: "Outbox",
                type: "text",
                nullable: true);

            // Calendar messages written before this migration join their event's order too.
            migrationBuilder.Sql("""
                UPDATE "Outbox" SET "EventKey" = ("PayloadJson"::json ->> 'eventKey') WHERE "Kind" = 'calendar-event';
                """);

            migrationBuilder.CreateTable(
                name: "MailboxPauses",
                columns: table => new
                {
                    Mailbox = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    Until = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailboxPauses", x => x.Mailbox);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_EventKey_CreatedAt",
                table: "Outbox",
                columns: new[] { "EventKey", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MailboxPauses");

            migrationBuilder.DropIndex(
                name: "IX_Outbox_EventKey_CreatedAt",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "EventKey",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "SupersededBy",
                table: "Outbox");
        }
    }
}
