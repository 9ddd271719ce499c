using System.Globalization;
using System.Text;
using CsvHelper;

namespace DisclosureExtract.Tests;

/// <summary>
/// Rows that a text original prints and its HTML and PDF renderings do not (Golden/line_items/&lt;id&gt;.text-only.csv,
/// same columns as the golden file; see the golden notes). The renderings are compared with the golden file less these.
/// </summary>
public static class GoldenRenderings
{
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> TextOnlyRows(string id)
    {
        var path = TestPaths.Golden("line_items", id + ".text-only.csv");
        if (!File.Exists(path))
        {
            return [];
        }

        using var reader = new StreamReader(path, Encoding.UTF8);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        var rows = new List<IReadOnlyDictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(header.ToDictionary(h => h, h => csv.GetField(h) ?? string.Empty, StringComparer.Ordinal));
        }

        return rows;
    }

    /// <summary>Removes one occurrence of each text-only row from keyed golden rows.</summary>
    public static List<string> WithoutTextOnly(string id, List<string> keyedRows, Func<IReadOnlyDictionary<string, string>, string> key)
    {
        ArgumentNullException.ThrowIfNull(keyedRows);
        ArgumentNullException.ThrowIfNull(key);
        var result = new List<string>(keyedRows);
        foreach (var row in TextOnlyRows(id))
        {
            Assert.True(result.Remove(key(row)), $"{id}: text-only row {key(row)} is not in the golden file");
        }

        return result;
    }
}
