using DisclosureExtract.Model;

namespace DisclosureExtract.Explanation;

/// <summary>
/// Turns the explanation part (第三部分 预算情况说明) into data: figures (totals, income and spending parts,
/// 类 structure, 三公, 机关运行经费, 政府采购, 国有资产), projects, per-item explanations with resolved codes,
/// and performance target tables. Sentences are matched by keywords in text joined across wrapped lines.
/// </summary>
public static class ExplanationExtractor
{
    /// <summary>The explanation part of a document of the catalog's kind: read as the catalog's data where it describes it
    /// (final accounts), else as a budget's.</summary>
    public static ExplanationData Extract(SourceDocument doc, IReadOnlyList<DocumentPart> parts, Catalog.DisclosureCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return catalog.Explanation is { } spec ? CatalogExplanation.Extract(doc, parts, spec) : Extract(doc, parts);
    }

    public static ExplanationData Extract(SourceDocument doc, IReadOnlyList<DocumentPart> parts)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(parts);
        var regions = parts.Where(p => p.Kind == PartKind.Explanation).ToList();
        if (regions.Count == 0)
        {
            return ExplanationData.Empty;
        }

        var codes = FunctionCodeIndex.Build(doc, parts);
        var figures = new List<ExplanationFigure>();
        var projects = new List<ProjectExplanation>();
        var items = new List<ItemExplanation>();
        var tables = new List<PerformanceTable>();
        foreach (var region in regions)
        {
            var sections = ExplanationSections.Split(doc, region.StartLine, region.EndLine);
            figures.AddRange(FigureExtractor.Extract(sections, codes));
            var (i0, t0) = (items.Count, tables.Count);
            // numbered on across regions and both kinds of project text; a record already numbered so is kept, not copied
            foreach (var p in ProjectExtractor.Extract(sections).Concat(ProjectExtractor.ExtractSections(doc, region.StartLine, region.EndLine)))
            {
                var seq = projects.Count + 1;
                projects.Add(p.Seq == seq ? p : p with { Seq = seq });
            }

            foreach (var i in ItemExtractor.Extract(sections, codes))
            {
                items.Add(i0 == 0 ? i : i with { Seq = i0 + i.Seq });
            }

            foreach (var t in PerformanceTableExtractor.Extract(doc, region.StartLine, region.EndLine))
            {
                tables.Add(t0 == 0 ? t : t with { Seq = t0 + t.Seq });
            }
        }

        return new ExplanationData(figures, projects, items, tables);
    }
}
