using DisclosureExtract.Export;

namespace DisclosureExtract.Reference;

/// <summary>One accepted name of a classification code, with where it was observed.</summary>
/// <param name="classification">function (支出功能分类) or economic (支出经济分类).</param>
/// <param name="code">The code as digits.</param>
/// <param name="level">类, 款 or 项.</param>
/// <param name="name">The name as published.</param>
/// <param name="source">Where the entry comes from (reference list and documents, or a corpus document and line).</param>
public sealed record CatalogEntry(string classification, string code, string level, string name, string source);

/// <summary>
/// The project's catalog of 政府收支分类科目 codes and their names (Reference/catalog.csv, embedded; see docs/validation.md).
/// A code may carry more than one accepted name (editions rename items). Loaded once; immutable.
/// </summary>
public sealed class ReferenceCatalog
{
    public const string Function = "function";
    public const string Economic = "economic";

    private static readonly Lazy<ReferenceCatalog> Embedded = new(LoadEmbedded);

    private readonly Dictionary<(string, string), List<CatalogEntry>> _byCode = [];

    public ReferenceCatalog(IEnumerable<CatalogEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var e in entries)
        {
            var key = (e.classification, e.code);
            if (!_byCode.TryGetValue(key, out var list))
            {
                list = [];
                _byCode[key] = list;
            }

            list.Add(e);
        }

        Count = _byCode.Values.Sum(l => l.Count);
    }

    /// <summary>The catalog shipped with the tool.</summary>
    public static ReferenceCatalog Default => Embedded.Value;

    /// <summary>Number of entries.</summary>
    public int Count { get; }

    public bool Knows(string classification, string code) => _byCode.ContainsKey((classification, code));

    /// <summary>Every entry of a classification.</summary>
    public IEnumerable<CatalogEntry> All(string classification) =>
        _byCode.Where(kv => kv.Key.Item1 == classification).SelectMany(kv => kv.Value);

    /// <summary>The accepted entries for a code (empty when unknown).</summary>
    public IReadOnlyList<CatalogEntry> EntriesOf(string classification, string code) =>
        _byCode.TryGetValue((classification, code), out var list) ? list : [];

    /// <summary>True when the name is one of the code's accepted names (compared after <see cref="Names.Normalize"/>).</summary>
    public bool Accepts(string classification, string code, string name) =>
        EntriesOf(classification, code).Any(e => Names.Same(e.name, name));

    public static ReferenceCatalog Load(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new ReferenceCatalog(CsvRecords.Read<CatalogEntry>(reader));
    }

    private static ReferenceCatalog LoadEmbedded()
    {
        var asm = typeof(ReferenceCatalog).Assembly;
        var resource = asm.GetManifestResourceNames().Single(n => n.EndsWith("Reference.catalog.csv", StringComparison.Ordinal));
        using var stream = asm.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return Load(reader);
    }
}
