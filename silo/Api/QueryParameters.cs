using OnlineRecs.Abstractions.Events;
using System.Globalization;
using OnlineRecs.Abstractions.Serving;
using OnlineRecs.Grains.Ingest;

namespace OnlineRecs.Silo.Api;

/// <summary>Path and query values parsed by hand, so a bad one gets a 400 that names it rather than a bare 404.</summary>
public static class QueryParameters
{
    public static int Id(string text, string what)
    {
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            throw new InvalidInputException($"{what} '{text}' is not a non-negative integer.");
        InputValidation.CheckId(id, what);
        return (int)id;
    }

    public static int K(string? text)
    {
        if (text is null) return 10;
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var k) || k <= 0 || k > RecommendationRequest.MaxK)
            throw new InvalidInputException($"k must be an integer in [1, {RecommendationRequest.MaxK}], not '{text}'.");
        return k;
    }

    public static bool Flag(string? text, string name, bool fallback) => text switch
    {
        null => fallback,
        "true" or "1" => true,
        "false" or "0" => false,
        _ => throw new InvalidInputException($"{name} must be true or false, not '{text}'."),
    };

    /// <summary>An item feature as <c>genre:Comedy</c> or <c>genre=Comedy</c>, in the readers' form <c>genre=Comedy</c>.</summary>
    public static string? Feature(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var separator = text.IndexOfAny([':', '=']);
        if (separator <= 0 || separator == text.Length - 1)
            throw new InvalidInputException($"feature must look like genre:Comedy, not '{text}'.");
        var name = $"{text[..separator]}={text[(separator + 1)..]}";
        InputValidation.CheckFeatures([name], "feature");
        return name;
    }
}
