using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FocWorkflows.Server.Persistence.Migrations.PostgreSql
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
                    InstanceId = table.Column<string>(type: "text", nullable: false),
                    FirstSequence = table.Column<long>(type: "bigint", nullable: false),
                    LastSequence = table.Column<long>(type: "bigint", nullable: false),
                    EntriesJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JournalBursts", x => new { x.InstanceId, x.FirstSequence });
                });

            // Every stored line becomes a burst row of its own; lines written from now on share their burst's row.
            migrationBuilder.Sql("INSERT INTO \"JournalBursts\" (\"InstanceId\", \"FirstSequence\", \"LastSequence\", \"EntriesJson\") SELECT \"InstanceId\", \"Sequence\", \"Sequence\", json_build_array(json_build_object('sequence', \"Sequence\", 'at', \"At\", 'nodeId', \"NodeId\", 'activityType', \"ActivityType\", 'event', \"Event\", 'actor', \"Actor\", 'onBehalfOf', \"OnBehalfOf\", 'outcome', \"Outcome\", 'details', \"DetailsJson\", 'previousHash', \"PreviousHash\", 'hash', \"Hash\"))::text FROM \"Journal\"");

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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ActivityType = table.Column<string>(type: "text", nullable: true),
                    Actor = table.Column<string>(type: "text", nullable: true),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    DetailsJson = table.Column<string>(type: "text", nullable: true),
                    Event = table.Column<string>(type: "text", nullable: false),
                    Hash = table.Column<string>(type: "text", nullable: false),
                    InstanceId = table.Column<string>(type: "text", nullable: false),
                    NodeId = table.Column<string>(type: "text", nullable: true),
                    OnBehalfOf = table.Column<string>(type: "text", nullable: true),
                    Outcome = table.Column<string>(type: "text", nullable: true),
                    PreviousHash = table.Column<string>(type: "text", nullable: true),
                    Sequence = table.Column<long>(type: "bigint", nullable: false)
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

            migrationBuilder.Sql("INSERT INTO \"Journal\" (\"InstanceId\", \"Sequence\", \"At\", \"NodeId\", \"ActivityType\", \"Event\", \"Actor\", \"OnBehalfOf\", \"Outcome\", \"DetailsJson\", \"PreviousHash\", \"Hash\") SELECT b.\"InstanceId\", (e.value->>'sequence')::bigint, (e.value->>'at')::bigint, e.value->>'nodeId', e.value->>'activityType', e.value->>'event', e.value->>'actor', e.value->>'onBehalfOf', e.value->>'outcome', e.value->>'details', e.value->>'previousHash', e.value->>'hash' FROM \"JournalBursts\" b CROSS JOIN LATERAL json_array_elements(b.\"EntriesJson\"::json) AS e(value)");

            migrationBuilder.DropTable(
                name: "JournalBursts");
        }
    }
}
