using System.Text.Json;
using System.Text.Json.Serialization;
using DisclosureExtract.Export;

namespace DisclosureExtract.Worker;

/// <summary>
/// The JSON of the output rows the state database keeps, generated at build time, with the serializer's default options
/// (written by <see cref="StateRowWriter"/>, which leaves Chinese text unescaped): a test compares it with the reflection
/// serializer's on the corpus documents' rows, and state databases written before still read; no code is made at run time.
/// Since schema step 3 a version's documents row is the only one written as JSON (its long files are kept as CSV,
/// <see cref="StoredCsv"/>); the other row types read the rows of states written before, at their first merge.
/// </summary>
[JsonSerializable(typeof(DocumentRow))]
[JsonSerializable(typeof(LineItemRow))]
[JsonSerializable(typeof(FindingRow))]
[JsonSerializable(typeof(ProjectRow))]
[JsonSerializable(typeof(ExplanationRow))]
[JsonSerializable(typeof(IndicatorRow))]
internal sealed partial class StateRowJson : JsonSerializerContext
{
    /// <summary>A row read back as <paramref name="rowType"/> from its stored UTF-8 text.</summary>
    public static object Read(ReadOnlySpan<byte> utf8Json, Type rowType) =>
        JsonSerializer.Deserialize(utf8Json, rowType, Default) ?? throw new JsonException($"a {rowType.Name} stored as null");
}
