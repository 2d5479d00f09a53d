using Microsoft.EntityFrameworkCore;

namespace FocWorkflows.Server.Tests.Infrastructure;

/// <summary>How many rows every table of the model holds: compared before and after a refused request, it proves nothing was written.</summary>
public static class RowCounts
{
    public static Task<SortedDictionary<string, int>> RowCountsAsync(this TestApp app) => app.QueryAsync(async db =>
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct())
#pragma warning disable EF1003 // A table name cannot be a parameter; these come from the model, never from input.
            counts[table] = await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"" + table + "\"").SingleAsync();
#pragma warning restore EF1003
        return counts;
    });

    /// <summary>The tables whose row count changed, with before → after, for a readable failure.</summary>
    public static string Changes(IReadOnlyDictionary<string, int> before, IReadOnlyDictionary<string, int> after) =>
        string.Join(", ", after.Where(a => before.GetValueOrDefault(a.Key) != a.Value).Select(a => $"{a.Key}: {before.GetValueOrDefault(a.Key)} → {a.Value}"));
}
