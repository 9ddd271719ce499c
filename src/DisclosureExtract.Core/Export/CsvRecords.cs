using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using CsvHelper;
using CsvHelper.Configuration;

namespace DisclosureExtract.Export;

/// <summary>
/// Reads a CSV file with a header into records: each constructor parameter of the record takes the column of its name.
/// Used for the files the tool wrote (documents.csv when shards are merged) and its embedded tables (schema, reference
/// catalog). CsvHelper parses the fields; the mapping is ours, because CsvHelper's automatic class maps are built with
/// generic types and compiled expressions made at run time, which a Native AOT build cannot do.
/// </summary>
public static class CsvRecords
{
    /// <summary>What a record type must keep to be built from its columns (trimmed and Native AOT builds).</summary>
    public const DynamicallyAccessedMemberTypes Members = DynamicallyAccessedMemberTypes.PublicConstructors;

    /// <summary>Every row of the file as a record; a column the record needs and the header lacks, or a value its
    /// parameter cannot take, is an error naming the column and the line.</summary>
    public static List<T> Read<[DynamicallyAccessedMembers(Members)] T>(TextReader reader, CsvConfiguration? config = null) =>
        [.. Enumerate<T>(reader, config)];

    /// <summary>The rows of <see cref="Read{T}"/> one at a time, as they are parsed: a file of any length is read in the
    /// memory of one row (the batch's documents.csv at commit).</summary>
    public static IEnumerable<T> Enumerate<[DynamicallyAccessedMembers(Members)] T>(TextReader reader, CsvConfiguration? config = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var ctor = typeof(T).GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new NotSupportedException($"{typeof(T).Name} has no public constructor to build its rows with");
        return Rows<T>(reader, ctor, config ?? new CsvConfiguration(CultureInfo.InvariantCulture));
    }

    private static IEnumerable<T> Rows<T>(TextReader reader, ConstructorInfo ctor, CsvConfiguration config)
    {
        var parameters = ctor.GetParameters();
        using var parser = new CsvParser(reader, config, leaveOpen: true);
        if (!parser.Read())
        {
            yield break;
        }

        var header = parser.Record!;
        var columns = parameters.Select(p => Array.IndexOf(header, p.Name)).ToArray();
        for (var i = 0; i < parameters.Length; i++)
        {
            if (columns[i] < 0)
            {
                throw new InvalidDataException($"{typeof(T).Name}: the CSV header has no column {parameters[i].Name}");
            }
        }

        while (parser.Read())
        {
            var record = parser.Record!;
            var args = new object?[parameters.Length];
            for (var i = 0; i < parameters.Length; i++)
            {
                var text = columns[i] < record.Length ? record[columns[i]] : string.Empty;
                args[i] = Value(parameters[i], text, parser.Row);
            }

            yield return (T)ctor.Invoke(args);
        }
    }

    private static object? Value(ParameterInfo p, string text, int line)
    {
        if (p.ParameterType == typeof(string))
        {
            return text;
        }

        if (p.ParameterType == typeof(int) || (p.ParameterType == typeof(int?) && text.Length > 0))
        {
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
                ? n
                : throw new InvalidDataException($"line {line}, column {p.Name}: \"{text}\" is not a whole number");
        }

        return p.ParameterType == typeof(int?)
            ? null
            : throw new NotSupportedException($"column {p.Name}: records read from CSV take string or int, not {p.ParameterType.Name}");
    }
}
