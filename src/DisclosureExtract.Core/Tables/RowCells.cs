using DisclosureExtract.Model;

namespace DisclosureExtract.Tables;

/// <summary>
/// Cell look-ups on table rows for the hot loops of recognition and validation: the same answers as
/// <see cref="TableRow.ValueOf"/>, by index, without an enumerator object per look-up.
/// </summary>
internal static class RowCells
{
    /// <summary>The amount of the row's first cell in <paramref name="columnKey"/>; null when the row does not print that column.</summary>
    public static decimal? AmountIn(this TableRow row, string columnKey)
    {
        var values = row.Values;
        for (var i = 0; i < values.Count; i++)
        {
            var v = values[i];
            if (v.ColumnKey == columnKey)
            {
                return v.Amount;
            }
        }

        return null;
    }

    /// <summary>The source line of the row's first cell in <paramref name="columnKey"/>; null when the row does not print that column.</summary>
    public static int? LineIn(this TableRow row, string columnKey)
    {
        var values = row.Values;
        for (var i = 0; i < values.Count; i++)
        {
            var v = values[i];
            if (v.ColumnKey == columnKey)
            {
                return v.Line;
            }
        }

        return null;
    }
}
