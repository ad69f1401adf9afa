using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Platform.Hosting.ApplicationModel;

/// <summary>
/// A string built from literals and values that are only known later: their run-time values when the graph
/// runs, their placeholders when it is published. Written as an interpolated string:
/// <c>ReferenceExpression.Create($"Host={endpoint.Property(EndpointProperty.Host)};Password={password}")</c>.
/// </summary>
public sealed class ReferenceExpression : IValueProvider, IManifestExpressionProvider
{
    private ReferenceExpression(string format, IReadOnlyList<object> values)
    {
        Format = format;
        ValueProviders = values;
    }

    /// <summary>Composite format string: <c>{0}</c>, <c>{1}</c>... stand for <see cref="ValueProviders"/>.</summary>
    public string Format { get; }

    /// <summary>Each is both an <see cref="IValueProvider"/> and an <see cref="IManifestExpressionProvider"/>.</summary>
    public IReadOnlyList<object> ValueProviders { get; }

    public string ValueExpression =>
        string.Format(CultureInfo.InvariantCulture, Format,
            ValueProviders.Select(v => (object)((IManifestExpressionProvider)v).ValueExpression).ToArray());

    public async ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default)
    {
        var values = new object?[ValueProviders.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = await ((IValueProvider)ValueProviders[i]).GetValueAsync(cancellationToken);
        }
        return string.Format(CultureInfo.InvariantCulture, Format, values);
    }

    public static ReferenceExpression Create(in ExpressionInterpolatedStringHandler handler) => handler.Build();

    public override string ToString() => ValueExpression;

    [InterpolatedStringHandler]
    public ref struct ExpressionInterpolatedStringHandler
    {
        private readonly StringBuilder _format;
        private readonly List<object> _values;

        public ExpressionInterpolatedStringHandler(int literalLength, int formattedCount)
        {
            _format = new StringBuilder(literalLength + formattedCount * 4);
            _values = new List<object>(formattedCount);
        }

        public readonly void AppendLiteral(string value) =>
            _format.Append(value.Replace("{", "{{").Replace("}", "}}"));

        public readonly void AppendFormatted(string? value) => AppendLiteral(value ?? "");

        public readonly void AppendFormatted<T>(T value) where T : IValueProvider, IManifestExpressionProvider
        {
            _format.Append('{').Append(_values.Count.ToString(CultureInfo.InvariantCulture)).Append('}');
            _values.Add(value);
        }

        internal readonly ReferenceExpression Build() => new(_format.ToString(), _values);
    }
}
