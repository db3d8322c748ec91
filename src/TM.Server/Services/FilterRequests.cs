using System.Globalization;
using TM.Search;
using TM.Server.Security;

namespace TM.Server.Services;

/// <summary>
/// The segment filters Concordance, Lookup and LookupBatch share (origin, import, creator, changed dates), checked the
/// same way for each.
/// </summary>
internal static class FilterRequests
{
    /// <summary>The filter the fields ask for, its memory id left for the caller to set; null when they ask for none.</summary>
    /// <exception cref="Grpc.Core.RpcException">INVALID_ARGUMENT, saying which field is wrong and how.</exception>
    public static SegmentFilter? Parse(string origin, long importId, string createdBy, string changedAfter, string changedBefore)
    {
        if (importId < 0)
            throw Invalid.Argument($"import_id is {importId}; use an import's id from ListImports, or 0 for any import.");
        if (origin.Length > RequestLimits.MaxOriginLength)
            throw Invalid.Argument($"origin is {Invalid.Count(origin.Length)} characters long; no stored origin is longer than {Invalid.Count(RequestLimits.MaxOriginLength)}.");
        if (createdBy.Length > ApiKeyRegistry.MaxNameLength)
            throw Invalid.Argument($"created_by is {Invalid.Count(createdBy.Length)} characters long; a key's name is at most {ApiKeyRegistry.MaxNameLength}.");
        var from = Time(changedAfter, "changed_after");
        var to = Time(changedBefore, "changed_before");
        if (from is { } after && to is { } before && after >= before)
            throw Invalid.Argument($"changed_after ({changedAfter}) is not before changed_before ({changedBefore}): no segment can match.");
        if (origin.Length == 0 && importId == 0 && createdBy.Length == 0 && from is null && to is null)
            return null;
        return new SegmentFilter(0)
        {
            Origin = origin.Length == 0 ? null : origin,
            ImportId = importId == 0 ? null : importId,
            CreatedBy = createdBy.Length == 0 ? null : createdBy,
            ChangedFrom = from,
            // The filter's bound is inclusive, the request's is not.
            ChangedTo = to?.AddTicks(-1),
        };
    }

    // RFC 3339 ("2026-03-01T09:00:00Z", "2026-03-01T18:00:00+09:00"); a date alone is taken as its midnight in UTC.
    private static DateTimeOffset? Time(string value, string field)
    {
        if (value.Length == 0)
            return null;
        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
            throw Invalid.Argument($"{field} is '{value}', which is not a time; use RFC 3339, e.g. \"2026-03-01T00:00:00Z\".");
        return time;
    }
}
