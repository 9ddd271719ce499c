using System.Text.Json;
using System.Text.Json.Serialization;
using DisclosureExtract.Model;

namespace DisclosureExtract.Export;

/// <summary>
/// Source-generated serialization of a document's JSON (<see cref="JsonOutput"/>): the same output as the reflection
/// serializer with <see cref="JsonOutput.Options"/>, written by generated code instead of reflection (the JSON of a
/// document is ~200 KB, 4× its text; reflection made writing it cost about as much as reading the tables).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true,
    Converters = [typeof(SnakeCaseEnumConverter<SourceFormat>), typeof(SnakeCaseEnumConverter<ConversionStatus>), typeof(SnakeCaseEnumConverter<Severity>)])]
[JsonSerializable(typeof(JsonOutput.DocumentJson))]
[JsonSerializable(typeof(ExplanationJson.TableJson), TypeInfoPropertyName = "ExplanationTableJson")]
[JsonSerializable(typeof(IReadOnlyList<ExplanationJson.TableJson>), TypeInfoPropertyName = "ExplanationTableJsonList")]
internal sealed partial class JsonOutputContext : JsonSerializerContext;

/// <summary>Enum values as snake_case strings ("converted", "warning"), as <see cref="JsonOutput.Options"/> writes them.</summary>
internal sealed class SnakeCaseEnumConverter<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.SnakeCaseLower)
    where T : struct, Enum;
