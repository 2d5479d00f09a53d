using System.Data.Common;
using FocWorkflows.Server.Engine.State;

namespace FocWorkflows.Server.Persistence.HotPath;

/// <summary>
/// The engine's tables as plain SQL sees them: column lists in one place, and rows read back into the engine's
/// types. Names and stored forms are EF Core's (see the migrations): quoted, so PostgreSQL keeps their case.
/// </summary>
internal static class EngineRows
{
    public const string InstanceColumns =
        "\"Id\", \"DefinitionId\", \"DefinitionVersion\", \"Status\", \"TaskForceId\", \"StartedBy\", \"CreatedAt\", \"UpdatedAt\", " +
        "\"EndedAt\", \"InputJson\", \"StateJson\", \"JournalSequence\", \"JournalHead\", \"Stamp\"";

    public const string BookmarkColumns = "\"Id\", \"InstanceId\", \"NodeId\", \"Kind\", \"Key\", \"DueAt\", \"CreatedAt\", \"DataJson\"";

    public const string TaskColumns =
        "\"Id\", \"InstanceId\", \"NodeId\", \"BookmarkId\", \"Title\", \"AssigneesJson\", \"ActionsJson\", \"FieldsJson\", \"DueAt\", " +
        "\"CreatedAt\", \"ResourceHref\", \"Status\", \"ClosedAt\", \"CompletedBy\", \"OnBehalfOf\", \"Action\", \"DataJson\"";

    public const string IdempotencyColumns = "\"Scope\", \"Key\", \"RequestHash\", \"ResourceId\", \"CreatedAt\"";

    public static WorkflowInstance Instance(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        DefinitionId = r.GetString(1),
        DefinitionVersion = r.GetInt32(2),
        Status = Enum.Parse<InstanceStatus>(r.GetString(3)),
        TaskForceId = Text(r, 4),
        StartedBy = Text(r, 5),
        CreatedAt = StoredTime.Read(r.GetInt64(6)),
        UpdatedAt = StoredTime.Read(r.GetInt64(7)),
        EndedAt = Moment(r, 8),
        InputJson = r.GetString(9),
        StateJson = r.GetString(10),
        JournalSequence = r.GetInt64(11),
        JournalHead = Text(r, 12),
        Stamp = r.GetInt64(13),
    };

    public static Bookmark Bookmark(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        InstanceId = r.GetString(1),
        NodeId = r.GetString(2),
        Kind = r.GetString(3),
        Key = Text(r, 4),
        DueAt = Moment(r, 5),
        CreatedAt = StoredTime.Read(r.GetInt64(6)),
        DataJson = Text(r, 7),
    };

    public static HumanTask Task(DbDataReader r) => new()
    {
        Id = r.GetString(0),
        InstanceId = r.GetString(1),
        NodeId = r.GetString(2),
        BookmarkId = r.GetString(3),
        Title = r.GetString(4),
        AssigneesJson = r.GetString(5),
        ActionsJson = r.GetString(6),
        FieldsJson = r.GetString(7),
        DueAt = Moment(r, 8),
        CreatedAt = StoredTime.Read(r.GetInt64(9)),
        ResourceHref = Text(r, 10),
        Status = Enum.Parse<HumanTaskStatus>(r.GetString(11)),
        ClosedAt = Moment(r, 12),
        CompletedBy = Text(r, 13),
        OnBehalfOf = Text(r, 14),
        Action = Text(r, 15),
        DataJson = Text(r, 16),
    };

    public static IdempotencyRecord Idempotency(DbDataReader r) => new()
    {
        Scope = r.GetString(0),
        Key = r.GetString(1),
        RequestHash = r.GetString(2),
        ResourceId = r.GetString(3),
        CreatedAt = StoredTime.Read(r.GetInt64(4)),
    };

    private static string? Text(DbDataReader r, int column) => r.IsDBNull(column) ? null : r.GetString(column);

    private static DateTimeOffset? Moment(DbDataReader r, int column) => r.IsDBNull(column) ? null : StoredTime.Read(r.GetInt64(column));
}
