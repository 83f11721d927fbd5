namespace ReviewPanel.Emulator;

/// <summary>How the emulator answers one request. Names on the wire and on the command line are the kebab-case
/// forms in <see cref="EmulatorPolicyNames"/>.</summary>
public enum EmulatorPolicy
{
    /// <summary>Every dimension scores 5, no evidence.</summary>
    High,

    /// <summary>Every dimension scores 2 with one grounded quote: a verbatim substring (at least 20 characters) of a
    /// real layer, tagged with that layer's key.</summary>
    Low,

    /// <summary>Every dimension scores 2 with quotes that occur nowhere in the profile.</summary>
    Hallucinate,

    /// <summary>A gullible model: when the profile carries reviewer-directed instructions it obeys them (all 5, no
    /// injections reported); otherwise it behaves like <see cref="High"/>.</summary>
    ObeyInjection,

    /// <summary>A careful model: scores like <see cref="Low"/> and reports every instruction-like line under
    /// <c>injections</c>.</summary>
    DetectInjection,

    /// <summary>Content that is not JSON at all.</summary>
    Malformed,

    /// <summary>JSON that misses required fields.</summary>
    SchemaBroken,

    /// <summary><c>message.refusal</c> set, <c>content</c> null.</summary>
    Refusal,

    /// <summary><c>finish_reason</c> "length" with the JSON cut in half.</summary>
    Length,

    /// <summary>HTTP 400 with Azure's <c>content_filter</c> error.</summary>
    ContentFilter,

    /// <summary>HTTP 429 with <c>retry-after-ms</c> and <c>retry-after</c>.</summary>
    Status429,

    /// <summary>HTTP 500.</summary>
    Status500,

    /// <summary>HTTP 503.</summary>
    Status503,

    /// <summary>Never answers; the request ends only when the client aborts or the server stops.</summary>
    Hang,

    /// <summary>A grading model for other tools' graders (promptfoo's <c>llm-rubric</c>): a request without a
    /// response schema gets <c>{"reason":...,"pass":...,"score":...}</c> (score = the policy's score / 5, pass when at
    /// least 4); a request with a schema is answered like <see cref="High"/>.</summary>
    Grader,
}
