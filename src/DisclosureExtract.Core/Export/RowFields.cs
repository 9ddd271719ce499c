using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace DisclosureExtract.Export;

/// <summary>
/// The fields of a CSV row type as text, in the order of its properties (the CSV header's order): compiled getters,
/// so writing a row costs a delegate call per field. Row types hold only strings and integers; any other property type
/// is refused when the getters are built, so a new field cannot be written in a format nobody chose.
/// </summary>
/// <remarks>Where code cannot be generated at run time (a Native AOT build) the getters read the properties by
/// reflection instead of compiled expressions: the same text, no compiler needed.</remarks>
public sealed class RowFields
{
    /// <summary>What a row type must keep for its fields to be read (trimmed and Native AOT builds).</summary>
    public const DynamicallyAccessedMemberTypes Members = DynamicallyAccessedMemberTypes.PublicProperties;

    private RowFields(IReadOnlyList<string> names, IReadOnlyList<Func<object, string>> getters)
    {
        Names = names;
        Getters = getters;
    }

    /// <summary>The column names (the property names), in order.</summary>
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

    /// <summary>The fields of a row as text, in the order of <see cref="Names"/>.</summary>
    public IEnumerable<string> Values(object row)
    {
        foreach (var getter in Getters)
        {
            yield return getter(row);
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, RowFields> Cache = new();

    /// <summary>The getters of a row type known where it is used: delegates bound to its property getters, once per
    /// process — as fast as compiled getters and needing no code generation (a Native AOT build reads
    /// <see cref="For(Type)"/>'s fields by reflection, ~2.5% of a text batch).</summary>
    public static RowFields For<[DynamicallyAccessedMembers(Members)] T>()
        where T : class => Typed<T>.Fields;

    private static class Typed<[DynamicallyAccessedMembers(Members)] T>
        where T : class
    {
        private static RowFields? _fields;

        // built on first use (a refused type throws its NotSupportedException there, not a type initializer's)
        public static RowFields Fields => LazyInitializer.EnsureInitialized(ref _fields, static () => Of(typeof(T), p => p.PropertyType == typeof(string)
            ? Text(p.GetMethod!.CreateDelegate<Func<T, string?>>())
            : Number(p.GetMethod!.CreateDelegate<Func<T, int>>())));

        private static Func<object, string> Text(Func<T, string?> get) => row => get((T)row) ?? string.Empty;

        private static Func<object, string> Number(Func<T, int> get) => row => get((T)row).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The getters of a row type, compiled once per process.</summary>
    public static RowFields For([DynamicallyAccessedMembers(Members)] Type rowType) =>
        Cache.TryGetValue(rowType, out var fields) ? fields : Cache.GetOrAdd(rowType, Of(rowType));

    public static RowFields Of([DynamicallyAccessedMembers(Members)] Type rowType) => Of(rowType, RuntimeFeature.IsDynamicCodeCompiled);

    /// <param name="rowType">The row type.</param>
    /// <param name="compile">Compiled getters (false: reflection, as in a Native AOT build).</param>
    internal static RowFields Of([DynamicallyAccessedMembers(Members)] Type rowType, bool compile) =>
        Of(rowType, p => compile ? Compiled(rowType, p) : Reflected(p));

    private static RowFields Of([DynamicallyAccessedMembers(Members)] Type rowType, Func<PropertyInfo, Func<object, string>> getter)
    {
        ArgumentNullException.ThrowIfNull(rowType);
        var getters = new List<Func<object, string>>();
        var names = new List<string>();
        foreach (var p in rowType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            if (p.PropertyType != typeof(string) && p.PropertyType != typeof(int))
            {
                throw new NotSupportedException($"{rowType.Name}.{p.Name}: CSV row fields must be string or int, not {p.PropertyType.Name}");
            }

            getters.Add(getter(p));
            names.Add(p.Name);
        }

        return new RowFields(names, getters);
    }

    private static Func<object, string> Compiled(Type rowType, PropertyInfo p)
    {
        var row = Expression.Parameter(typeof(object), "row");
        var value = Expression.Property(Expression.Convert(row, rowType), p);
        Expression text = p.PropertyType == typeof(string)
            ? Expression.Coalesce(value, Expression.Constant(string.Empty))
            : Expression.Call(value, typeof(int).GetMethod(nameof(int.ToString), [typeof(IFormatProvider)])!, Expression.Constant(CultureInfo.InvariantCulture, typeof(IFormatProvider)));
        return Expression.Lambda<Func<object, string>>(text, row).Compile();
    }

    private static Func<object, string> Reflected(PropertyInfo p) => p.PropertyType == typeof(string)
        ? row => (string?)p.GetValue(row) ?? string.Empty
        : row => ((int)p.GetValue(row)!).ToString(CultureInfo.InvariantCulture);
}
