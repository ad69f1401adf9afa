using System.Text.Json.Serialization;

namespace Platform.Api.Contracts;

public sealed record PaginatedItems<T>(int PageIndex, int PageSize, long Count, IReadOnlyList<T> Data)
{
    [JsonIgnore]
    public int PageCount => (int)Math.Max(1, (Count + PageSize - 1) / PageSize);
}
