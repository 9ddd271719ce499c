using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;

namespace DisclosureExtract.Export;

/// <summary>
/// The fields of a CSV row type as text, in the order of its properties (the order of CsvHelper's header): compiled
/// getters, so writing a row costs a delegate call per field. Row types hold only strings and integers; any other
/// property type is refused when the getters are built, so a new field cannot be written in a format nobody chose.
/// </summary>
public sealed class RowFields
{
    private RowFields(IReadOnlyList<string> names, IReadOnlyList<Func<object, string>> getters)
    {
        Names = names;
        Getters = getters;
    }

    /// <summary>The column names (the property names: CsvHelper's header), in order.</summary>
    public IReadOnlyList<string> Names { get; }

    public IReadOnlyList<Func<object, string>> Getters { get; }

    /// <summary>The getter of a column, or null when the row type has no such column.</summary>
    public Func<object, string>? Getter(string name)
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (Names[i] == name)
            {
                return Getters[i];
            }
        }

        return null;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, RowFields> Cache = new();

    /// <summary>The getters of a row type, compiled once per process.</summary>
    public static RowFields For(Type rowType) => Cache.GetOrAdd(rowType, Of);

    public static RowFields Of(Type rowType)
    {
        ArgumentNullException.ThrowIfNull(rowType);
        var row = Expression.Parameter(typeof(object), "row");
        var typed = Expression.Convert(row, rowType);
        var getters = new List<Func<object, string>>();
        var names = new List<string>();
        foreach (var p in rowType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            var value = Expression.Property(typed, p);
            Expression text = p.PropertyType == typeof(string)
                ? Expression.Coalesce(value, Expression.Constant(string.Empty))
                : p.PropertyType == typeof(int)
                    ? Expression.Call(value, typeof(int).GetMethod(nameof(int.ToString), [typeof(IFormatProvider)])!, Expression.Constant(CultureInfo.InvariantCulture, typeof(IFormatProvider)))
                    : throw new NotSupportedException($"{rowType.Name}.{p.Name}: CSV row fields must be string or int, not {p.PropertyType.Name}");
            getters.Add(Expression.Lambda<Func<object, string>>(text, row).Compile());
            names.Add(p.Name);
        }

        return new RowFields(names, getters);
    }
}
