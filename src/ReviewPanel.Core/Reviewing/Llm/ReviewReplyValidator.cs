using System.Globalization;
using System.Text.Json;

namespace ReviewPanel.Reviewing.Llm;

/// <summary>
/// Checks a model reply against the wire protocol before anything of it becomes a score. Structured output should
/// make the shape right, but providers and emulators differ, so every rule of the schema is checked again here,
/// plus the ones a schema cannot say (each dimension exactly once, evidence for every score below the pass line).
/// Errors are precise and few, because they are sent back to the model on a re-ask.
/// </summary>
public static class ReviewReplyValidator
{
    private const int MaxErrors = 8;

    private static readonly JsonDocumentOptions ParseOptions = new() { AllowDuplicateProperties = false, MaxDepth = 16 };

    /// <summary>
    /// Removes one surrounding markdown code fence (<c>```json ... ```</c>), the only model quirk tolerated.
    /// Anything else around the JSON is an error, not something to dig a guess out of.
    /// </summary>
    public static string StripCodeFence(string reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var text = reply.Trim();
        if (!text.StartsWith("```", StringComparison.Ordinal) || !text.EndsWith("```", StringComparison.Ordinal) || text.Length < 6)
        {
            return text;
        }
        var firstNewline = text.IndexOf('\n', StringComparison.Ordinal);
        if (firstNewline < 0)
        {
            return text;
        }
        return text[(firstNewline + 1)..^3].Trim();
    }

    /// <summary>Validates a <c>review</c> reply for the <paramref name="dimensions"/> asked of a profile with <paramref name="layerKeys"/>.</summary>
    /// <param name="passingScore">The gate's smallest passing score (<see cref="Scoring.GateOptions.PassingScore"/>): below it a score needs evidence.</param>
    public static ReplyValidation<ParsedReview> ValidateReview(string reply, IReadOnlyList<string> dimensions, IReadOnlyCollection<string> layerKeys, int passingScore)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        ArgumentNullException.ThrowIfNull(layerKeys);
        if (!TryParse(reply, out var document, out var parseError))
        {
            return ReplyValidation<ParsedReview>.Fail(parseError);
        }
        using (document)
        {
            var errors = new List<string>();
            var root = document.RootElement;
            if (!CheckObject(root, "the reply", ["scores", "injections", "summary"], errors))
            {
                return ReplyValidation<ParsedReview>.Fail(Join(errors));
            }

            var byDimension = new Dictionary<string, DimensionScore>(StringComparer.Ordinal);
            if (root.TryGetProperty("scores", out var scores) && CheckArray(scores, "scores", errors))
            {
                var i = 0;
                foreach (var item in scores.EnumerateArray())
                {
                    var parsed = ParseScore(item, $"scores[{i++}]", dimensions, layerKeys, passingScore, errors);
                    if (parsed is not null && !byDimension.TryAdd(parsed.Dimension, parsed))
                    {
                        errors.Add($"dimension '{parsed.Dimension}' is scored more than once; score each dimension exactly once");
                    }
                }
                foreach (var missing in dimensions.Where(d => !byDimension.ContainsKey(d)))
                {
                    errors.Add($"dimension '{missing}' is not scored");
                }
            }

            var injections = new List<Evidence>();
            if (root.TryGetProperty("injections", out var injectionArray) && CheckArray(injectionArray, "injections", errors))
            {
                var i = 0;
                foreach (var item in injectionArray.EnumerateArray())
                {
                    if (ParseQuote(item, $"injections[{i++}]", layerKeys, errors) is { } injection)
                    {
                        injections.Add(injection);
                    }
                }
            }

            var summary = "";
            if (root.TryGetProperty("summary", out var summaryElement))
            {
                if (summaryElement.ValueKind == JsonValueKind.String)
                {
                    summary = summaryElement.GetString()!.Trim();
                }
                else
                {
                    errors.Add($"summary must be a string, not {Kind(summaryElement)}");
                }
            }

            if (errors.Count > 0)
            {
                return ReplyValidation<ParsedReview>.Fail(Join(errors));
            }
            var ordered = dimensions.Select(d => byDimension[d]).ToList();
            return ReplyValidation<ParsedReview>.Ok(new ParsedReview(ordered, injections, summary));
        }
    }

    /// <summary>
    /// Validates an <c>adjudication</c> reply for <paramref name="dimension"/>: the final score, the rationale, and each
    /// refutation (the critic's reviewer id and quote, a counter-quote from a real layer, a reason).
    /// </summary>
    public static ReplyValidation<ParsedAdjudication> ValidateAdjudication(string reply, string dimension, IReadOnlyCollection<string> layerKeys)
    {
        ArgumentNullException.ThrowIfNull(layerKeys);
        if (!TryParse(reply, out var document, out var parseError))
        {
            return ReplyValidation<ParsedAdjudication>.Fail(parseError);
        }
        using (document)
        {
            var errors = new List<string>();
            var root = document.RootElement;
            if (!CheckObject(root, "the reply", ["dimension", "score", "rationale", "refutations"], errors))
            {
                return ReplyValidation<ParsedAdjudication>.Fail(Join(errors));
            }
            var named = StringProperty(root, "dimension", "dimension", errors);
            if (named is not null && named != dimension)
            {
                errors.Add($"dimension is '{named}' but the dispute is about '{dimension}'");
            }
            var score = Score(root, "score", errors);
            var rationale = NonEmptyString(root, "rationale", "rationale", errors);
            var refutations = new List<RefutationClaim>();
            if (root.TryGetProperty("refutations", out var array) && CheckArray(array, "refutations", errors))
            {
                var i = 0;
                foreach (var item in array.EnumerateArray())
                {
                    if (ParseRefutation(item, $"refutations[{i++}]", layerKeys, errors) is { } claim)
                    {
                        refutations.Add(claim);
                    }
                }
            }
            return errors.Count > 0 || score is null || rationale is null
                ? ReplyValidation<ParsedAdjudication>.Fail(Join(errors))
                : ReplyValidation<ParsedAdjudication>.Ok(new ParsedAdjudication(dimension, score.Value, rationale, refutations));
        }
    }

    private static RefutationClaim? ParseRefutation(JsonElement item, string path, IReadOnlyCollection<string> layerKeys, List<string> errors)
    {
        if (!CheckObject(item, path, ["reviewer", "quote", "counter", "reason"], errors))
        {
            return null;
        }
        var before = errors.Count;
        var reviewer = NonEmptyString(item, "reviewer", $"{path}.reviewer", errors);
        var quote = NonEmptyString(item, "quote", $"{path}.quote", errors);
        var reason = NonEmptyString(item, "reason", $"{path}.reason", errors);
        var counter = item.TryGetProperty("counter", out var c) ? ParseQuote(c, $"{path}.counter", layerKeys, errors) : null;
        return errors.Count == before && counter is not null ? new RefutationClaim(reviewer!, quote!, counter, reason!) : null;
    }

    private static bool TryParse(string reply, out JsonDocument document, out string error)
    {
        document = null!;
        error = "";
        var json = StripCodeFence(reply ?? "");
        if (json.Length == 0)
        {
            error = "the reply is empty; send the JSON object";
            return false;
        }
        try
        {
            document = JsonDocument.Parse(json, ParseOptions);
            return true;
        }
        catch (JsonException ex)
        {
            error = $"the reply is not valid JSON ({ex.Message}); send only the JSON object";
            return false;
        }
    }

    private static DimensionScore? ParseScore(
        JsonElement item, string path, IReadOnlyList<string> dimensions, IReadOnlyCollection<string> layerKeys, int passingScore, List<string> errors)
    {
        if (!CheckObject(item, path, ["dimension", "score", "rationale", "evidence"], errors))
        {
            return null;
        }
        var before = errors.Count;
        var dimension = StringProperty(item, "dimension", $"{path}.dimension", errors);
        if (dimension is not null && !dimensions.Contains(dimension, StringComparer.Ordinal))
        {
            errors.Add($"{path}.dimension '{dimension}' was not asked for (asked: {string.Join(", ", dimensions)})");
        }
        var score = Score(item, path + ".score", errors);
        var rationale = NonEmptyString(item, "rationale", $"{path}.rationale", errors);
        var evidence = new List<Evidence>();
        if (item.TryGetProperty("evidence", out var evidenceArray) && CheckArray(evidenceArray, $"{path}.evidence", errors))
        {
            var j = 0;
            foreach (var quote in evidenceArray.EnumerateArray())
            {
                if (ParseQuote(quote, $"{path}.evidence[{j++}]", layerKeys, errors) is { } parsed)
                {
                    evidence.Add(parsed);
                }
            }
            if (score < passingScore && evidenceArray.GetArrayLength() == 0)
            {
                errors.Add($"{path} ({dimension} = {score}) is below {passingScore} and needs at least one evidence item quoting the defect");
            }
        }
        return errors.Count == before ? new DimensionScore(dimension!, score, rationale!, evidence) : null;
    }

    private static Evidence? ParseQuote(JsonElement item, string path, IReadOnlyCollection<string> layerKeys, List<string> errors)
    {
        if (!CheckObject(item, path, ["layer", "quote"], errors))
        {
            return null;
        }
        var before = errors.Count;
        var layer = StringProperty(item, "layer", $"{path}.layer", errors);
        if (layer is not null && !layerKeys.Contains(layer, StringComparer.Ordinal))
        {
            errors.Add($"{path}.layer '{layer}' is not a layer of the profile (layers: {string.Join(", ", layerKeys)})");
        }
        var quote = NonEmptyString(item, "quote", $"{path}.quote", errors);
        return errors.Count == before ? new Evidence(layer!, quote!) : null;
    }

    private static int? Score(JsonElement item, string path, List<string> errors)
    {
        if (!item.TryGetProperty("score", out var element))
        {
            return null;
        }
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var score))
        {
            errors.Add($"{path} must be an integer 1..5, not {element.GetRawText()}");
            return null;
        }
        if (score is < 1 or > 5)
        {
            errors.Add($"{path} {score.ToString(CultureInfo.InvariantCulture)} is outside 1..5");
            return null;
        }
        return score;
    }

    private static string? StringProperty(JsonElement item, string name, string path, List<string> errors)
    {
        if (!item.TryGetProperty(name, out var element))
        {
            return null;
        }
        if (element.ValueKind != JsonValueKind.String)
        {
            errors.Add($"{path} must be a string, not {Kind(element)}");
            return null;
        }
        return element.GetString();
    }

    private static string? NonEmptyString(JsonElement item, string name, string path, List<string> errors)
    {
        var before = errors.Count;
        var value = StringProperty(item, name, path, errors);
        if (value is null)
        {
            return null;
        }
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{path} is empty");
            return null;
        }
        return errors.Count == before ? value.Trim() : null;
    }

    private static bool CheckObject(JsonElement element, string path, string[] properties, List<string> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{path} must be a JSON object, not {Kind(element)}");
            return false;
        }
        foreach (var property in element.EnumerateObject())
        {
            if (!properties.Contains(property.Name, StringComparer.Ordinal))
            {
                errors.Add($"{path} has unexpected property '{property.Name}' (allowed: {string.Join(", ", properties)})");
            }
        }
        foreach (var name in properties)
        {
            if (!element.TryGetProperty(name, out _))
            {
                errors.Add($"{path} is missing required property '{name}'");
            }
        }
        return true;
    }

    private static bool CheckArray(JsonElement element, string path, List<string> errors)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            return true;
        }
        errors.Add($"{path} must be an array, not {Kind(element)}");
        return false;
    }

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string Join(List<string> errors)
    {
        var shown = errors.Distinct(StringComparer.Ordinal).Take(MaxErrors).ToList();
        var more = errors.Count - shown.Count;
        return string.Join("; ", shown) + (more > 0 ? $"; and {more.ToString(CultureInfo.InvariantCulture)} more" : "");
    }
}
