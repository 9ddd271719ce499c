using System.Text.Json;
using DisclosureExtract.Catalog;

namespace DisclosureExtract.Validation;

/// <summary>A figure of the explanation against the table cells it restates (the catalog's <c>text_identities</c>).</summary>
/// <param name="Check">The check id of a difference.</param>
/// <param name="Section">The figure's section (total, income, expenditure, structure, items, three_public …).</param>
/// <param name="Key">The figure's key, or * for any (it then names the row or column written *).</param>
/// <param name="Rows">cell, classes or items.</param>
/// <param name="Against">The table cells, the first table the document has wins.</param>
/// <param name="AtMost">The text figure may be smaller than the table's.</param>
/// <param name="EqualWhen">When the relation is equality all the same (single_unit), or null.</param>
/// <param name="ShareOf">section.key of the figure whose amount a printed share is a share of, or null.</param>
/// <param name="NotWords">Words that, in the sentence before the amount, say it is another figure than the one the tables print
/// (一般公共预算 before 支出预算: the general budget's, not the whole expenditure): the figure is not compared.</param>
public sealed record TextIdentity(string Check, string Section, string Key, string Rows, IReadOnlyList<CellRef> Against, bool AtMost, string? EqualWhen, string? ShareOf,
    IReadOnlyList<string> NotWords)
{
    public bool Matches(string section, string key) => Section == section && (Key == "*" || Key == key);
}

/// <summary>
/// Reads the validation-only parts of a catalog file (<c>text_identities</c>) from the same embedded JSON the catalog
/// loader reads; the catalog's kind names the file.
/// </summary>
public static class TextRules
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static readonly Lazy<Dictionary<string, IReadOnlyList<TextIdentity>>> ByKind = new(LoadAll);

    /// <summary>The text identities of a catalog (none when its file has none).</summary>
    public static IReadOnlyList<TextIdentity> For(DisclosureCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return ByKind.Value.GetValueOrDefault(catalog.Kind) ?? [];
    }

    public static IReadOnlyList<TextIdentity> Load(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var doc = JsonDocument.Parse(json, Options);
        return Read(doc.RootElement);
    }

    private static Dictionary<string, IReadOnlyList<TextIdentity>> LoadAll()
    {
        var asm = typeof(Catalogs).Assembly;
        var result = new Dictionary<string, IReadOnlyList<TextIdentity>>(StringComparer.Ordinal);
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.Contains("Catalog.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)))
        {
            using var stream = asm.GetManifestResourceStream(name)!;
            using var doc = JsonDocument.Parse(stream, Options);
            if (doc.RootElement.TryGetProperty("kind", out var kind) && kind.GetString() is { } k)
            {
                result[k] = Read(doc.RootElement);
            }
        }

        return result;
    }

    private static List<TextIdentity> Read(JsonElement root)
    {
        var list = new List<TextIdentity>();
        if (!root.TryGetProperty("text_identities", out var items))
        {
            return list;
        }

        foreach (var e in items.EnumerateArray())
        {
            var figure = Str(e, "figure") ?? throw new InvalidDataException("catalog: text_identities: an entry without figure");
            var dot = figure.IndexOf('.', StringComparison.Ordinal);
            if (dot <= 0)
            {
                throw new InvalidDataException($"catalog: text_identities: figure {figure} is not section.key");
            }

            var against = e.GetProperty("against").EnumerateArray().Select(a => new CellRef(
                Str(a, "table") ?? throw new InvalidDataException($"catalog: text_identities: {figure}: against without table"),
                Str(a, "side"), Str(a, "row"), [], a.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToList())).ToList();
            list.Add(new TextIdentity(Str(e, "check") ?? CheckIds.TextAmount, figure[..dot], figure[(dot + 1)..], Str(e, "rows") ?? "cell", against,
                Str(e, "relation") == "le", Str(e, "equal_when"), Str(e, "share_of"),
                e.TryGetProperty("not_words", out var nw) ? nw.EnumerateArray().Select(w => w.GetString()!).ToList() : []));
        }

        return list;
    }

    private static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
