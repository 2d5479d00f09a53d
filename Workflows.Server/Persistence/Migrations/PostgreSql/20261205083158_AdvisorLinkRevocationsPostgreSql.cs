using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace FocWorkflows.Server.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AdvisorLinkRevocationsPostgreSql : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AdvisorLinkRevocations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    ConsultationId = table.Column<string>(type: "text", nullable: false),
                    InstanceId = table.Column<string>(type: "text", nullable: false),
                    Email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    RevokedAt = table.Column<long>(type: "bigint", nullable: false),
                    RevokedBy = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdvisorLinkRevocations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AdvisorLinkRevocations_Consultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "Consultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AdvisorLinkUses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConsultationId = table.Column<string>(type: "text", nullable: false),
                    Email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    Address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Via = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdvisorLinkUses", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AdvisorLinkRevocations_ConsultationId",
                table: "AdvisorLinkRevocations",
                column: "ConsultationId");

            migrationBuilder.CreateIndex(
                name: "IX_AdvisorLinkUses_ConsultationId_At",
                table: "AdvisorLinkUses",
                columns: new[] { "ConsultationId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AdvisorLinkRevocations");

            migrationBuilder.DropTable(
                name: "AdvisorLinkUses");
        }
    }
}
