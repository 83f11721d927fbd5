using System.Globalization;
using ReviewPanel.Hashing;
using ReviewPanel.Reviewing;

namespace ReviewPanel.Scoring;

/// <summary>
/// The pass/fail decision, and the one place its rules live.
/// <list type="bullet">
/// <item>A grounded finding (a score below the threshold backed by a grounded quote) is a veto: it caps its dimension
/// at its own score whatever other reviewers say. Heuristic findings are the deterministic floor and can never be
/// lifted by a model; an LLM finding is lifted only by an adjudicator's refutation that answers each of its quotes
/// with a grounded counter-quote. Every ruling is recorded (<see cref="DimensionResult.Refutations"/>).</item>
/// <item>A passing score that never engages a standing finding's quotes carries no weight (<see cref="DimensionResult.Overruled"/>).</item>
/// <item>Quorum fails closed: each required dimension needs a majority of the raters configured for it (the heuristic
/// checks count as one rater and, where they declare a dimension, must be among them). Errors shrink the panel; below
/// quorum the verdict is an error, never a pass. A definite failure beats a lost quorum.</item>
/// <item>A grounded instruction aimed at reviewers fails the profile (<see cref="Verdict.InjectionRule"/>).</item>
/// </list>
/// Adding reviewers can therefore only add findings: a panel is never more lenient than its heuristics alone.
/// </summary>
public sealed class Gate(GateOptions options)
{
    /// <param name="reviews">Grounding-checked reviews of the panel (errors included; they count as nothing).</param>
    /// <param name="adjudications">Adjudicator reviews; each gives the final score of the dimension it scores, under the vetoes.</param>
    /// <param name="panel">The reviewers configured for this panel: what they declare is required, and sizes each quorum.</param>
    public Verdict Decide(IReadOnlyList<Review> reviews, IReadOnlyList<Review> adjudications, IReadOnlyList<ReviewerDescriptor> panel)
    {
        var raters = panel.Where(r => r.Kind != ReviewerKinds.Adjudicator).ToList();
        var required = (options.RequiredDimensions.Count > 0 ? options.RequiredDimensions : raters.SelectMany(r => r.Dimensions))
            .ToHashSet(StringComparer.Ordinal);
        var ok = reviews.Where(r => r.Status == ReviewStatus.Ok).ToList();

        var dimensions = Dimensions.All
            .Concat(ok.SelectMany(r => r.Scores.Select(s => s.Dimension)))
            .Concat(required)
            .Distinct(StringComparer.Ordinal)
            .Select(d => Judge(d, required.Contains(d), raters, ok, adjudications))
            .ToList();

        var injections = ok.SelectMany(r => r.Injections).Where(e => e.Grounded == true).ToList();
        var failing = dimensions.Where(d => d.Failing && d.Judged).Select(d => d.Dimension).ToList();
        if (injections.Count > 0)
        {
            failing.Add(Verdict.InjectionRule);
        }
        var minimum = dimensions.Where(d => d.Judged).Select(d => d.Aggregate!.Value).DefaultIfEmpty(double.NaN).Min();
        var lostQuorum = dimensions.Where(d => d.Required && d.Raters < d.QuorumNeeded).ToList();

        VerdictOutcome outcome;
        string? error = null;
        if (failing.Count > 0)
        {
            outcome = VerdictOutcome.Fail;
        }
        else if (lostQuorum.Count > 0 || required.Count == 0)
        {
            outcome = VerdictOutcome.Error;
            error = required.Count == 0 ? "no dimension is required: nothing to judge" : QuorumMessage(lostQuorum, reviews);
        }
        else
        {
            outcome = VerdictOutcome.Pass;
        }

        return new Verdict
        {
            Outcome = outcome,
            Minimum = double.IsNaN(minimum) ? null : minimum,
            Dimensions = dimensions,
            Failing = failing,
            Injections = injections,
            Error = error,
        };
    }

    private sealed record Counted(string Reviewer, string Kind, DimensionScore Score)
    {
        public bool IsHeuristic => Kind == ReviewerKinds.Heuristic;
        public int Value => Score.Score!.Value;
        public IEnumerable<Evidence> Grounded => Score.Evidence.Where(e => e.Grounded == true);
    }

    private DimensionResult Judge(string dimension, bool required, IReadOnlyList<ReviewerDescriptor> panel, IReadOnlyList<Review> ok, IReadOnlyList<Review> adjudications)
    {
        var counted = ok
            .SelectMany(r => r.Scores.Where(s => s.Dimension == dimension && s.Score is not null && !s.Ungrounded).Select(s => new Counted(r.ReviewerId, r.Kind, s)))
            .ToList();

        var findings = counted
            .Where(c => options.IsBelowThreshold(c.Value) && c.Grounded.Any())
            .Select(c => new Veto(c.Reviewer, c.Kind, c.Value, [.. c.Grounded]))
            .ToList();
        var adjudication = adjudications
            .Where(a => a.Status == ReviewStatus.Ok)
            .SelectMany(a => a.Scores.Where(s => s.Dimension == dimension && s.Score is not null).Select(s => (Adjudicator: a, Score: s)))
            .LastOrDefault();
        var rulings = adjudication.Adjudicator is { } adjudicator
            ? adjudicator.Refutations.Select(claim => Rule(adjudicator.ReviewerId, claim, findings)).ToList()
            : [];
        var standing = options.Veto ? findings.Where(f => !IsLifted(f, rulings)).ToList() : [];
        var overruled = standing.Count == 0 ? [] : Overrule(counted, standing);

        // Heuristic checks are detectors of different defects, not independent raters: one that finds a defect must
        // not be outvoted by another that looked for something else. Together they count as one rater, their lowest.
        var heuristic = counted.Where(c => c.IsHeuristic).Select(c => c.Value).ToList();
        var weighed = counted
            .Where(c => !c.IsHeuristic && !overruled.Any(o => o.Reviewer == c.Reviewer))
            .Select(c => c.Value)
            .ToList();
        if (heuristic.Count > 0)
        {
            weighed.Add(heuristic.Min());
        }
        var aggregate = adjudication.Score is { } adjudicated
            ? adjudicated.Score
            : ScoreAggregator.Aggregate(weighed, options.Aggregation);
        if (aggregate is { } value && standing.Count > 0)
        {
            aggregate = Math.Min(value, standing.Min(v => v.Score));
        }
        var failing = aggregate is { } a && options.IsBelowThreshold(a);
        var unstable = ok.SelectMany(r => r.Scores.Where(s => s.Dimension == dimension))
            .Any(s => s.RepeatScores.Count > 1 && options.IsBelowThreshold(s.RepeatScores.Min()) && !options.IsBelowThreshold(s.RepeatScores.Max()));

        var lifted = findings.Where(f => IsLifted(f, rulings)).Select(f => f.Reviewer).ToHashSet(StringComparer.Ordinal);
        var evidence = failing
            ? counted.Where(c => options.IsBelowThreshold(c.Value) && !lifted.Contains(c.Reviewer)).SelectMany(c => c.Grounded)
                .Concat(adjudication.Score is { } s && options.IsBelowThreshold(s.Score!.Value) ? s.Evidence.Where(e => e.Grounded == true) : [])
                .DistinctBy(e => (e.LayerKey, e.Quote))
                .ToList()
            : [];

        var (needed, scoredRaters) = Quorum(dimension, panel, counted);
        return new DimensionResult
        {
            Dimension = dimension,
            Aggregate = aggregate,
            Required = required,
            ScoredBy = counted.Select(c => c.Reviewer).ToList(),
            Scores = counted.Select(c => c.Value).ToList(),
            Failing = failing,
            AdjudicatedBy = adjudication.Score is not null ? adjudication.Adjudicator.ReviewerId : null,
            Unstable = unstable,
            Evidence = evidence,
            VetoedBy = standing,
            Overruled = overruled,
            Refutations = rulings,
            QuorumNeeded = needed,
            Raters = scoredRaters,
        };
    }

    /// <summary>
    /// Raters configured for the dimension: each model reviewer declaring it, and the heuristic checks as one. The
    /// default quorum is a majority of them. Where the heuristics declare the dimension they must have scored it: the
    /// deterministic floor does not go missing silently (the raters count is then reported as short of the quorum).
    /// </summary>
    private (int Needed, int Raters) Quorum(string dimension, IReadOnlyList<ReviewerDescriptor> panel, IReadOnlyList<Counted> counted)
    {
        var declaring = panel.Where(r => r.Dimensions.Contains(dimension, StringComparer.Ordinal)).ToList();
        var heuristicDeclared = declaring.Any(r => r.Kind == ReviewerKinds.Heuristic);
        var configured = declaring.Count(r => r.Kind != ReviewerKinds.Heuristic) + (heuristicDeclared ? 1 : 0);
        var needed = options.Quorum ?? (configured <= 1 ? 1 : (configured / 2) + 1);
        var heuristicScored = counted.Any(c => c.IsHeuristic);
        var raters = counted.Where(c => !c.IsHeuristic).Select(c => c.Reviewer).Distinct(StringComparer.Ordinal).Count() + (heuristicScored ? 1 : 0);
        if (heuristicDeclared && !heuristicScored)
        {
            raters = Math.Min(raters, needed - 1);
        }
        return (needed, raters);
    }

    private static Refutation Rule(string adjudicator, RefutationClaim claim, IReadOnlyList<Veto> findings)
    {
        var target = findings.FirstOrDefault(f => f.Reviewer == claim.FindingReviewer && f.Evidence.Any(e => SameQuote(e.Quote, claim.FindingQuote)));
        var ruling = target switch
        {
            null => (false, "names no grounded finding on this dimension"),
            { IsDeterministic: true } => (false, "a deterministic finding cannot be refuted by a model; fix the heuristic or record a waiver"),
            _ when claim.Counter.Grounded != true => (false, "the counter-quote is not in the profile"),
            _ => (true, $"answered with a grounded counter-quote from {claim.Counter.LayerKey}"),
        };
        return new Refutation(adjudicator, claim.FindingReviewer, claim.FindingQuote, claim.Counter, claim.Reason, ruling.Item1, ruling.Item2);
    }

    /// <summary>A model finding is lifted when accepted refutations answer every one of its quotes.</summary>
    private static bool IsLifted(Veto finding, IReadOnlyList<Refutation> rulings) =>
        !finding.IsDeterministic
        && finding.Evidence.All(e => rulings.Any(r => r.Accepted && r.FindingReviewer == finding.Reviewer && SameQuote(e.Quote, r.FindingQuote)));

    /// <summary>Passing model scores that quote none of a standing finding's text carry no weight against it.</summary>
    private List<OverruledScore> Overrule(IReadOnlyList<Counted> counted, IReadOnlyList<Veto> standing)
    {
        var quotes = standing.SelectMany(f => f.Evidence.Select(e => (f.Reviewer, e.Quote))).ToList();
        return counted
            .Where(c => !c.IsHeuristic && !options.IsBelowThreshold(c.Value))
            .Where(c => !c.Grounded.Any(e => quotes.Any(q => Overlaps(e.Quote, q.Quote))))
            .Select(c => new OverruledScore(c.Reviewer, c.Value, quotes[0].Quote,
                $"a passing score that does not engage the grounded finding of {quotes[0].Reviewer}"))
            .ToList();
    }

    private static bool SameQuote(string a, string b) => TextNormalizer.Normalize(a) == TextNormalizer.Normalize(b);

    private static bool Overlaps(string a, string b)
    {
        var x = TextNormalizer.Normalize(a);
        var y = TextNormalizer.Normalize(b);
        return x.Length > 0 && y.Length > 0 && (x.Contains(y, StringComparison.Ordinal) || y.Contains(x, StringComparison.Ordinal));
    }

    private static string QuorumMessage(IReadOnlyList<DimensionResult> lost, IReadOnlyList<Review> reviews)
    {
        var errored = reviews.Where(r => r.Status == ReviewStatus.Error).Select(r => $"{r.ReviewerId}: {r.Error}").ToList();
        var dims = string.Join(", ", lost.Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Dimension} ({d.Raters} of {d.QuorumNeeded} raters)")));
        return errored.Count == 0
            ? $"quorum not met on {dims}"
            : $"quorum not met on {dims}; reviewer errors: {string.Join("; ", errored)}";
    }
}
