using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FocWorkflows.Server.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CalendarOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EventKey",
                table: "Outbox",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SupersededBy",
                table: "Outbox",
                type: "TEXT",
                nullable: true);

            // Calendar messages written before this migration join their event's order too.
            migrationBuilder.Sql("""
                UPDATE "Outbox" SET "EventKey" = json_extract("PayloadJson", '$.eventKey') WHERE "Kind" = 'calendar-event';
                """);

            migrationBuilder.CreateTable(
                name: "MailboxPauses",
                columns: table => new
                {
                    Mailbox = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Until = table.Column<long>(type: "INTEGER", nullable: false)
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
