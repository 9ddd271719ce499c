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
    private RowFields(IReadOnlyList<Func<object, string>> getters)
    {
        Getters = getters;
    }

    public IReadOnlyList<Func<object, string>> Getters { get; }

    public static RowFields Of(Type rowType)
    {
        ArgumentNullException.ThrowIfNull(rowType);
        var row = Expression.Parameter(typeof(object), "row");
        var typed = Expression.Convert(row, rowType);
        var getters = new List<Func<object, string>>();
        foreach (var p in rowType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            var value = Expression.Property(typed, p);
            Expression text = p.PropertyType == typeof(string)
                ? Expression.Coalesce(value, Expression.Constant(string.Empty))
                : p.PropertyType == typeof(int)
                    ? Expression.Call(value, typeof(int).GetMethod(nameof(int.ToString), [typeof(IFormatProvider)])!, Expression.Constant(CultureInfo.InvariantCulture, typeof(IFormatProvider)))
                    : throw new NotSupportedException($"{rowType.Name}.{p.Name}: CSV row fields must be string or int, not {p.PropertyType.Name}");
            getters.Add(Expression.Lambda<Func<object, string>>(text, row).Compile());
        }

        return new RowFields(getters);
    }
}
