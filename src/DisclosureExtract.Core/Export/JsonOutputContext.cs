using System.Text.Json;
using System.Text.Json.Serialization;
using DisclosureExtract.Model;

namespace DisclosureExtract.Export;

/// <summary>
/// Source-generated serialization of a document's JSON (<see cref="JsonOutput"/>): the same output as the reflection
/// serializer with <see cref="JsonOutput.Options"/>, written by generated code instead of reflection (the JSON of a
/// document is ~200 KB, 4× its text; reflection made writing it cost about as much as reading the tables).
/// The options list no converters: with any, System.Text.Json leaves the generated fast-path writers unused for every
/// type and walks each object's metadata property by property instead (a sixth more time for the document's JSON). The three
/// enums are named by converters on the properties that hold them (<see cref="JsonOutput.DocumentJson"/>,
/// <see cref="JsonOutput.FindingJson"/>), which costs only those two types the fast path.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(JsonOutput.DocumentJson))]
[JsonSerializable(typeof(ExplanationJson.TableJson), TypeInfoPropertyName = "ExplanationTableJson")]
[JsonSerializable(typeof(IReadOnlyList<ExplanationJson.TableJson>), TypeInfoPropertyName = "ExplanationTableJsonList")]
internal sealed partial class JsonOutputContext : JsonSerializerContext;

/// <summary>Enum values as snake_case strings ("converted", "warning"), as <see cref="JsonOutput.Options"/> writes them.</summary>
internal sealed class SnakeCaseEnumConverter<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.SnakeCaseLower)
    where T : struct, Enum;
