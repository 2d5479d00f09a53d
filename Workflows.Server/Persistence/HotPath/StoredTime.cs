using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FocWorkflows.Server.Persistence.HotPath;

/// <summary>
/// Moments as the model stores them (<see cref="WorkflowDbContext"/>'s convention): EF Core's own converter, so
/// a row written by a plain command reads back through EF Core exactly, and the other way round.
/// </summary>
internal static class StoredTime
{
    private static readonly DateTimeOffsetToBinaryConverter Converter = new();
    private static readonly Func<DateTimeOffset, long> ToStored = Converter.ConvertToProviderTyped;
    private static readonly Func<long, DateTimeOffset> FromStored = Converter.ConvertFromProviderTyped;

    public static long Store(DateTimeOffset moment) => ToStored(moment);

    public static object Store(DateTimeOffset? moment) => moment is { } m ? ToStored(m) : DBNull.Value;

    public static DateTimeOffset Read(long stored) => FromStored(stored);
}
