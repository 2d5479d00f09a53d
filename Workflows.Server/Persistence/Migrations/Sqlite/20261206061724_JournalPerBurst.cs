using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FocWorkflows.Server.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JournalPerBurst : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "JournalBursts",
                columns: table => new
                {
                    InstanceId = table.Column<string>(type: "TEXT", nullable: false),
                    FirstSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    EntriesJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JournalBursts", x => new { x.InstanceId, x.FirstSequence });
                });

            // Every stored line becomes a burst row of its own; lines written from now on share their burst's row.
            migrationBuilder.Sql("INSERT INTO \"JournalBursts\" (\"InstanceId\", \"FirstSequence\", \"LastSequence\", \"EntriesJson\") SELECT \"InstanceId\", \"Sequence\", \"Sequence\", json_array(json_object('sequence', \"Sequence\", 'at', \"At\", 'nodeId', \"NodeId\", 'activityType', \"ActivityType\", 'event', \"Event\", 'actor', \"Actor\", 'onBehalfOf', \"OnBehalfOf\", 'outcome', \"Outcome\", 'details', \"DetailsJson\", 'previousHash', \"PreviousHash\", 'hash', \"Hash\")) FROM \"Journal\"");

            migrationBuilder.DropTable(
                name: "Journal");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Journal",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActivityType = table.Column<string>(type: "TEXT", nullable: true),
                    Actor = table.Column<string>(type: "TEXT", nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    DetailsJson = table.Column<string>(type: "TEXT", nullable: true),
                    Event = table.Column<string>(type: "TEXT", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", nullable: false),
                    InstanceId = table.Column<string>(type: "TEXT", nullable: false),
                    NodeId = table.Column<string>(type: "TEXT", nullable: true),
                    OnBehalfOf = table.Column<string>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", nullable: true),
                    PreviousHash = table.Column<string>(type: "TEXT", nullable: true),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Journal", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Journal_InstanceId_Sequence",
                table: "Journal",
                columns: new[] { "InstanceId", "Sequence" },
                unique: true);

            migrationBuilder.Sql("INSERT INTO \"Journal\" (\"InstanceId\", \"Sequence\", \"At\", \"NodeId\", \"ActivityType\", \"Event\", \"Actor\", \"OnBehalfOf\", \"Outcome\", \"DetailsJson\", \"PreviousHash\", \"Hash\") SELECT b.\"InstanceId\", json_extract(e.value, '$.sequence'), json_extract(e.value, '$.at'), json_extract(e.value, '$.nodeId'), json_extract(e.value, '$.activityType'), json_extract(e.value, '$.event'), json_extract(e.value, '$.actor'), json_extract(e.value, '$.onBehalfOf'), json_extract(e.value, '$.outcome'), json_extract(e.value, '$.details'), json_extract(e.value, '$.previousHash'), json_extract(e.value, '$.hash') FROM \"JournalBursts\" b, json_each(b.\"EntriesJson\") e");

            migrationBuilder.DropTable(
                name: "JournalBursts");
        }
    }
}
