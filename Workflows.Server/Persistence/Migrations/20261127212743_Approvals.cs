using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FocWorkflows.Server.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Approvals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ApprovalRounds",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    InstanceId = table.Column<string>(type: "TEXT", nullable: false),
                    NodeId = table.Column<string>(type: "TEXT", nullable: false),
                    TaskForceId = table.Column<string>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DraftVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    AudienceGovernments = table.Column<string>(type: "TEXT", nullable: false),
                    OpensAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Deadline = table.Column<long>(type: "INTEGER", nullable: false),
                    Quorum = table.Column<double>(type: "REAL", nullable: true),
                    Threshold = table.Column<double>(type: "REAL", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ResultReason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Signatories = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApprovalRounds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ApprovalResponses",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    RoundId = table.Column<string>(type: "TEXT", nullable: false),
                    Government = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: true),
                    ProposedText = table.Column<string>(type: "TEXT", nullable: true),
                    By = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    OnBehalfOf = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApprovalResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApprovalResponses_ApprovalRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ApprovalRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalResponses_RoundId_Government",
                table: "ApprovalResponses",
                columns: new[] { "RoundId", "Government" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalRounds_InstanceId",
                table: "ApprovalRounds",
                column: "InstanceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApprovalResponses");

            migrationBuilder.DropTable(
                name: "ApprovalRounds");
        }
    }
}
