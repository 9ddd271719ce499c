using System.Text.Json;
using System.Text.Json.Serialization;
using DisclosureExtract.Export;

namespace DisclosureExtract.Worker;

/// <summary>
/// The JSON of the output rows the state database keeps, generated at build time, with the serializer's default options:
/// the same text the reflection-based serializer wrote (a test compares them on a corpus document's rows), so state
/// databases written before still read, and no code is made at run time.
/// </summary>
[JsonSerializable(typeof(DocumentRow))]
[JsonSerializable(typeof(LineItemRow))]
[JsonSerializable(typeof(FindingRow))]
[JsonSerializable(typeof(ProjectRow))]
[JsonSerializable(typeof(ExplanationRow))]
[JsonSerializable(typeof(IndicatorRow))]
internal sealed partial class StateRowJson : JsonSerializerContext
{
    /// <summary>A row as JSON, by its runtime type (one of the long tables' row types).</summary>
    public static string Write(object row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return JsonSerializer.Serialize(row, row.GetType(), Default);
    }

    /// <summary>A row read back as <paramref name="rowType"/>.</summary>
    public static object Read(string json, Type rowType) =>
        JsonSerializer.Deserialize(json, rowType, Default) ?? throw new JsonException($"a {rowType.Name} stored as null");
}
