namespace DisclosureExtract.Export;

/// <summary>The output formats of a run (<c>--formats</c>); all by default.</summary>
[Flags]
public enum OutputFormats
{
    None = 0,

    /// <summary>The long CSV files besides documents.csv (which every run writes: it is the run's index) and tables/.</summary>
    Csv = 1,

    /// <summary>json/&lt;document_id&gt;.json.</summary>
    Json = 2,

    /// <summary>xlsx/&lt;document_id&gt;.xlsx.</summary>
    Xlsx = 4,

    /// <summary>disclosures.sqlite.</summary>
    Sqlite = 8,

    /// <summary>parquet/&lt;table&gt;.parquet.</summary>
    Parquet = 16,

    /// <summary>report/index.html and report/&lt;document_id&gt;.html.</summary>
    Report = 32,

    All = Csv | Json | Xlsx | Sqlite | Parquet | Report,
}

public static class OutputFormatList
{
    private static readonly (string Name, OutputFormats Format)[] Names =
    [
        ("csv", OutputFormats.Csv), ("json", OutputFormats.Json), ("xlsx", OutputFormats.Xlsx),
        ("sqlite", OutputFormats.Sqlite), ("parquet", OutputFormats.Parquet), ("report", OutputFormats.Report),
    ];

    /// <summary>The names, comma-separated, in their usual order.</summary>
    public static string AllNames => string.Join(',', Names.Select(n => n.Name));

    /// <summary>Parses "csv,json,xlsx" (case-insensitive, blanks ignored); false on an unknown or empty list.</summary>
    public static bool TryParse(string? text, out OutputFormats formats)
    {
        formats = OutputFormats.None;
        foreach (var part in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var i = Array.FindIndex(Names, n => string.Equals(n.Name, part, StringComparison.OrdinalIgnoreCase));
            if (i < 0)
            {
                formats = OutputFormats.None;
                return false;
            }

            formats |= Names[i].Format;
        }

        return formats != OutputFormats.None;
    }

    public static string ToText(OutputFormats formats) => string.Join(',', Names.Where(n => formats.HasFlag(n.Format)).Select(n => n.Name));
}
