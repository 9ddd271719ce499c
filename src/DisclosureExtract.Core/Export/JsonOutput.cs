using System.Diagnostics.CodeAnalysis;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using DisclosureExtract.Model;

namespace DisclosureExtract.Export;

/// <summary>json/&lt;document_id&gt;.json: the whole document (parts with their text, facts, tables, findings) with provenance.</summary>
public static class JsonOutput
{
    /// <summary>How the document files are written (indented; Chinese text as is, not \u-escaped).</summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The reflection serializer's options for the same JSON (the nightly worker's run summaries, and the
    /// reference the generated writer is tested against); the product writes documents with <see cref="JsonOutputContext"/>.</summary>
    public static JsonSerializerOptions Options
    {
        [RequiresDynamicCode(ReflectionOnly)]
        [RequiresUnreferencedCode(ReflectionOnly)]
        get => _reflectionOptions ??= new JsonSerializerOptions
        {
            WriteIndented = WriterOptions.Indented,
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = WriterOptions.Encoder,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        };
    }

    private const string ReflectionOnly = "Serializes by reflection (its enum converter makes generic types at run time); documents are written by the generated JsonOutputContext.";

    private static JsonSerializerOptions? _reflectionOptions;

    public sealed record SourceRef(int Line, int? Page);

    public sealed record PartJson(string Kind, string Heading, SourceRef Start, SourceRef End, string Text);

    public sealed record ValueJson(string Column, decimal Amount, SourceRef Source, string? Label);

    public sealed record RowJson(string? Code, string? CodeLevel, string? RowKey, string ItemName, string? ProjectName, string? Side, SourceRef Source, IReadOnlyList<ValueJson> Values,
        string? SubUnit);

    public sealed record TableJson(int TableNo, string TableKey, string Title, string Unit, bool IsEmpty, string? Note, IReadOnlyList<string> Columns, SourceRef Source, IReadOnlyList<RowJson> Rows);

    public sealed record FindingJson(string Check, [property: JsonConverter(typeof(SnakeCaseEnumConverter<Severity>))] Severity Severity, string Message, string? TableKey, string? Code, string? ColumnKey, decimal? Expected, decimal? Actual, decimal? Difference, SourceRef? Source)
    {
        /// <summary>Findings with one explanation share a group (null when the finding stands alone).</summary>
        public int? Group { get; init; }

        /// <summary>culprit, consequence, ambiguous, unexplained or rounding (null outside the arithmetic).</summary>
        public string? Role { get; init; }
    }

    public sealed record DocumentJson(
        string DocumentId,
        string SourceFile,
        string? Kind,
        [property: JsonConverter(typeof(SnakeCaseEnumConverter<SourceFormat>))] SourceFormat? SourceFormat,
        string? Sha256,
        string? Encoding,
        int? PageCount,
        [property: JsonConverter(typeof(SnakeCaseEnumConverter<ConversionStatus>))] ConversionStatus Status,
        string? Error,
        DocumentFacts? Facts,
        IReadOnlyList<PartJson> Parts,
        IReadOnlyList<TableJson> Tables,
        IReadOnlyList<FindingJson> Findings)
    {
        /// <summary>The explanation part as data (docs/explanation.md); every value carries its source line.</summary>
        public ExplanationJson? Explanation { get; init; }

        /// <summary>The build that wrote the file (version and git commit), first in the file.</summary>
        [JsonPropertyOrder(-1)]
        public Generator Generator { get; init; } = Generator.Current;
    }

    public static DocumentJson ToJson(ConversionResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var lines = r.Source?.Lines ?? [];
        SourceRef Ref(int index)
        {
            if (lines.Count == 0)
            {
                return new SourceRef(0, null);
            }

            var l = lines[Math.Clamp(index, 0, lines.Count - 1)];
            return new SourceRef(l.Number, l.Page);
        }

        var parts = r.Parts.Select(p => new PartJson(
            DocumentPart.KeyOf(p.Kind),
            p.Heading,
            Ref(p.StartLine),
            Ref(p.EndLine - 1),
            TextOf(lines, p.StartLine, p.EndLine))).ToList();
        var tables = r.Tables.Select(t => new TableJson(
            t.TableNo, t.TableKey, t.Title, t.Unit, t.IsEmpty, t.Note, t.Columns, Ref(t.StartLine),
            t.Rows.Select(row => new RowJson(row.Code, row.CodeLevel, row.RowKey, row.ItemName, row.ProjectName, row.Side, Ref(row.Line),
                row.Values.Select(v => new ValueJson(v.ColumnKey, v.Amount, Ref(v.Line), v.Label)).ToList(), row.SubUnit)).ToList())).ToList();
        var findings = r.Findings.Select(f => new FindingJson(f.Check, f.Severity, f.Message, f.TableKey, f.Code, f.ColumnKey, f.Expected, f.Actual, f.Difference,
            f.Line is { } i ? Ref(i) : null) { Group = f.Group, Role = f.Role }).ToList();
        return new DocumentJson(r.DocumentId, r.SourceFile, r.Kind, r.Format, r.Sha256, r.Source?.Encoding, r.Source?.PageCount, r.Status, r.Error, r.Facts, parts, tables, findings)
        {
            Explanation = r.Explanation is { } x ? ExplanationJson.Of(x, Ref) : null,
        };
    }

    /// <summary>The printed text of the lines [start, end), one line per line.</summary>
    private static string TextOf(IReadOnlyList<DocLine> lines, int start, int end)
    {
        start = Math.Max(start, 0);
        end = Math.Min(end, lines.Count);
        if (end <= start)
        {
            return string.Empty;
        }

        var length = end - start - 1; // the line ends
        for (var i = start; i < end; i++)
        {
            length += lines[i].Text.Length;
        }

        return string.Create(length, (lines, start, end), static (span, range) =>
        {
            var k = 0;
            for (var i = range.start; i < range.end; i++)
            {
                if (i > range.start)
                {
                    span[k++] = '\n';
                }

                var text = range.lines[i].Text;
                text.AsSpan().CopyTo(span[k..]);
                k += text.Length;
            }
        });
    }
}
