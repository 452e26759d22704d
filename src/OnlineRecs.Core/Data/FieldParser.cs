using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace OnlineRecs.Core.Data;

/// <summary>
/// Parses the numeric fields of data files and turns every bad value into a
/// <see cref="DataFormatException"/> that names the file, the line and the offending text.
/// </summary>
internal static class FieldParser
{
    private static readonly float[] PowersOfTen = [1f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f];

    public static int ParseId(ReadOnlySpan<byte> field, string what, string file, int line)
    {
        if (TryParseShortDigits(field, out var digits) && digits is > 0 and <= int.MaxValue) return (int)digits;
        return long.TryParse(field, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) && id is > 0 and <= int.MaxValue
            ? (int)id
            : throw BadId(Encoding.UTF8.GetString(field), what, file, line);
    }

    public static int ParseId(ReadOnlySpan<char> field, string what, string file, int line) =>
        long.TryParse(field, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) && id is > 0 and <= int.MaxValue
            ? (int)id
            : throw BadId(field.ToString(), what, file, line);

    public static int ParseInt(ReadOnlySpan<char> field, string what, string file, int line) =>
        int.TryParse(field, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new DataFormatException(file, line, $"{what} '{field}' is not an integer");

    public static float ParseRating(ReadOnlySpan<byte> field, RatingScale scale, string file, int line)
    {
        if (!TryParseShortDecimal(field, out var rating) && !float.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out rating))
            throw NotANumber("rating", field, file, line);
        return scale.Contains(rating) ? rating : throw OutOfScale(rating, scale, file, line);
    }

    public static long ParseTimestamp(ReadOnlySpan<byte> field, string file, int line) =>
        TryParseShortDigits(field, out var timestamp)
        || long.TryParse(field, NumberStyles.Integer, CultureInfo.InvariantCulture, out timestamp)
            ? timestamp
            : throw NotAnInteger("timestamp", field, file, line);

    public static long ParseTimestamp(ReadOnlySpan<char> field, string file, int line) =>
        long.TryParse(field, NumberStyles.Integer, CultureInfo.InvariantCulture, out var timestamp)
            ? timestamp
            : throw new DataFormatException(file, line, $"timestamp '{field}' is not an integer");

    public static DataFormatException WrongFieldCount(string expected, int found, string file, int line) =>
        new(file, line, $"expected {expected} but found {found} field{(found == 1 ? "" : "s")}");

    /// <summary>
    /// The fast path for the common case of up to 18 plain digits; anything else (signs, spaces,
    /// longer numbers, errors) is left to the general parser.
    /// </summary>
    private static bool TryParseShortDigits(ReadOnlySpan<byte> field, out long value)
    {
        value = 0;
        if (field.IsEmpty || field.Length > 18) return false;
        foreach (var b in field)
        {
            var digit = (uint)(b - '0');
            if (digit > 9) return false;
            value = value * 10 + digit;
        }
        return true;
    }

    /// <summary>
    /// The fast path for ratings such as <c>4</c> or <c>3.5</c>: at most 7 digits fit a float's
    /// mantissa exactly, so one division by an exact power of ten rounds just as full parsing would.
    /// </summary>
    private static bool TryParseShortDecimal(ReadOnlySpan<byte> field, out float value)
    {
        value = 0;
        var point = field.IndexOf((byte)'.');
        var digitCount = point < 0 ? field.Length : field.Length - 1;
        if (digitCount is 0 or > 7 || point == field.Length - 1) return false;
        var mantissa = 0;
        for (var k = 0; k < field.Length; k++)
        {
            if (k == point) continue;
            var digit = (uint)(field[k] - '0');
            if (digit > 9) return false;
            mantissa = mantissa * 10 + (int)digit;
        }
        value = point < 0 ? mantissa : mantissa / PowersOfTen[field.Length - 1 - point];
        return true;
    }

    private static DataFormatException BadId(string text, string what, string file, int line)
    {
        var trimmed = text.Trim();
        var problem = long.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
            ? $"{what} {id} is not between 1 and {int.MaxValue}"
            : trimmed.Length > 0 && trimmed.All(char.IsAsciiDigit)
                ? $"{what} {trimmed} is beyond the integer range"
                : $"{what} '{text}' is not an integer";
        return new DataFormatException(file, line, problem);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static DataFormatException NotANumber(string what, ReadOnlySpan<byte> field, string file, int line) =>
        new(file, line, $"{what} '{Encoding.UTF8.GetString(field)}' is not a number");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static DataFormatException NotAnInteger(string what, ReadOnlySpan<byte> field, string file, int line) =>
        new(file, line, $"{what} '{Encoding.UTF8.GetString(field)}' is not an integer");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static DataFormatException OutOfScale(float rating, RatingScale scale, string file, int line) =>
        new(file, line, float.IsFinite(rating)
            ? $"rating {rating.ToString(CultureInfo.InvariantCulture)} is not {scale.Description}"
            : $"rating {rating.ToString(CultureInfo.InvariantCulture)} is not a finite number");
}
