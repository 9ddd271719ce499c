using System.Globalization;
using System.Text;
using CsvHelper;

namespace DisclosureExtract.Export;

/// <summary>Reads a long CSV file back as it was written: its header and its records as strings, streamed. The SQLite
/// file and the Parquet files are built from CSV records this way (the final files', or a run's spooled rows), so they
/// hold the same rows in the same order, whatever the number of jobs, and any column a record gains.</summary>
internal sealed class LongCsv : IDisposable
{
    private readonly StreamReader _reader;
    private readonly CsvParser _parser;

    public LongCsv(string path)
    {
        _reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 });
        _parser = new CsvParser(_reader, CsvOutput.Config);
        Header = _parser.Read() ? _parser.Record ?? [] : [];
    }

    public string[] Header { get; }

    /// <summary>The records after the header; the array is new for each record.</summary>
    public IEnumerable<string[]> Records()
    {
        while (_parser.Read())
        {
            yield return _parser.Record ?? [];
        }
    }

    public void Dispose()
    {
        _parser.Dispose();
        _reader.Dispose();
    }

    /// <summary>The decimal value of a CSV field written from a decimal ("1234.50", "-3", ""), or null.</summary>
    public static bool TryDecimal(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

    public static bool TryInteger(string text, out long value) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>Digits after the point as written.</summary>
    public static int ScaleOf(string text) => text.IndexOf('.', StringComparison.Ordinal) is var i and >= 0 ? text.Length - i - 1 : 0;

    /// <summary>How many yuan one unit is (元 1, 万元 10000, 亿元 10^8), or null for another unit.</summary>
    public static decimal? YuanPer(string unit) => unit switch
    {
        "元" => 1m,
        "千元" => 1000m,
        "万元" => 10000m,
        "亿元" => 100000000m,
        _ => null,
    };

    /// <summary>An amount in its unit as whole 分 (0.01 yuan); null when the unit is unknown, or the amount is not a
    /// whole number of 分 or too large.</summary>
    public static long? Fen(string amount, string unit)
    {
        if (amount.Length == 0 || YuanPer(unit) is not { } per || !TryDecimal(amount, out var d))
        {
            return null;
        }

        try
        {
            var fen = d * per * 100m;
            return fen == decimal.Truncate(fen) && fen >= long.MinValue && fen <= long.MaxValue ? (long)fen : null;
        }
        catch (OverflowException)
        {
            return null;
        }
    }
}
