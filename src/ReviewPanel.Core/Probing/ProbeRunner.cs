using System.Text;
using System.Text.Json;
using ReviewPanel.Panel;
using ReviewPanel.Profiles;
using ReviewPanel.Scoring;
using ReviewPanel.Storage;

namespace ReviewPanel.Probing;

/// <summary>
/// The probe use case: review the originals (one recorded run), mutate the ones that pass with every selected operator,
/// review the mutants through the same panel, cache, gate and history (a second recorded run, tagged
/// <c>probe=mutants</c>, whose settings carry every mutant's class, seed and span), then read both runs back from the
/// history into a <see cref="ProbeReport"/>, so a report printed now and one rebuilt later are the same.
/// </summary>
public sealed class ProbeRunner(ProfileImporter importer, IHistoryReader store)
{
    public async Task<ProbeResult> RunAsync(IProbePanel panel, ProbeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<string>();
        var operators = SelectOperators(request.Classes, problems);
        var sources = importer.ExpandSources(request.Paths).ToList();
        if (sources.Count == 0)
        {
            problems.Add($"no profile files (.txt, .json) found in {string.Join(", ", request.Paths)}");
        }
        if (request.PerClass < 1)
        {
            problems.Add("--per-class must be at least 1");
        }
        if (problems.Count > 0)
        {
            return new ProbeResult(null, problems);
        }

        var declarations = operators.Select(o => new ProbeClassDeclaration(o.Class, o.ExpectedDimension, o.OfflineCovered)).ToList();
        var common = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ProbeNames.SettingVersion] = "1",
            [ProbeNames.SettingSeed] = request.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [ProbeNames.SettingPerClass] = request.PerClass.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [ProbeNames.SettingClasses] = JsonSerializer.Serialize(declarations, ProbeJsonContext.Compact.ListProbeClassDeclaration),
        };
        var originalsRun = panel.DescribeRun(new Dictionary<string, string>(common) { [ProbeNames.SettingRole] = ProbeNames.RoleOriginals });
        var originals = await panel.ReviewAsync(originalsRun, sources, (s, _) => ValueTask.FromResult(importer.Import(s)), cancellationToken)
            .ConfigureAwait(false);

        var (mutants, unmutated) = Mutate(originals, sources, operators, request);
        var bytes = mutants.ToDictionary(m => m.Source, m => Encoding.UTF8.GetBytes(m.Text), StringComparer.Ordinal);
        var byName = mutants.ToDictionary(m => m.Source, StringComparer.Ordinal);
        var mutantsRun = panel.DescribeRun(new Dictionary<string, string>(common)
        {
            [ProbeNames.SettingRole] = ProbeNames.RoleMutants,
            [ProbeNames.SettingOriginalsRun] = originalsRun.RunId,
            [ProbeNames.SettingMutants] = JsonSerializer.Serialize(mutants, ProbeJsonContext.Compact.ListMutant),
            [ProbeNames.SettingUnmutated] = JsonSerializer.Serialize(unmutated, ProbeJsonContext.Compact.ListProbeUnmutated),
        });
        await panel.ReviewAsync(mutantsRun, [.. mutants.Select(m => m.Source)],
            (s, _) => ValueTask.FromResult(ImportMutant(byName[s], bytes[s])), cancellationToken).ConfigureAwait(false);

        var report = await ProbeHistory.LoadAsync(store, mutantsRun.RunId, cancellationToken).ConfigureAwait(false);
        return new ProbeResult(report, problems);
    }

    /// <summary>The selected operators, in catalog order; unknown class names are problems.</summary>
    public static IReadOnlyList<IMutationOperator> SelectOperators(IReadOnlyList<string> classes, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(problems);
        if (classes.Count == 0)
        {
            return MutationOperators.All;
        }
        foreach (var unknown in classes.Where(c => MutationOperators.Find(c) is null))
        {
            problems.Add($"unknown defect class '{unknown}'; known: {string.Join(", ", MutationOperators.All.Select(o => o.Class))}");
        }
        return MutationOperators.All.Where(o => classes.Contains(o.Class, StringComparer.OrdinalIgnoreCase)).ToList();
    }

    /// <summary>
    /// Every mutant of one original: for each operator, <paramref name="perClass"/> draws with their own derived seeds;
    /// a draw that repeats an earlier mutant's text is dropped, so indices can skip (index n is always draw n). Pure: the same inputs give the same list.
    /// </summary>
    public static IReadOnlyList<Mutant> MutantsOf(RoleProfile original, SourceDocument document, IReadOnlyList<IMutationOperator> operators,
        int perClass, int seed)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(operators);
        var result = new List<Mutant>();
        foreach (var op in operators)
        {
            var texts = new HashSet<string>(StringComparer.Ordinal);
            for (var n = 1; n <= perClass; n++)
            {
                var derived = ProbeSeeds.Derive(seed, op.Class, original.VersionHash, n);
                var mutant = op.TryMutate(original, document, new Random(derived));
                if (mutant is null || mutant.Text == document.Text || !texts.Add(mutant.Text))
                {
                    continue;
                }
                result.Add(mutant with { Index = n, Seed = derived, OriginalVersionHash = original.VersionHash });
            }
        }
        return result;
    }

    private (List<Mutant> Mutants, List<ProbeUnmutated> Unmutated) Mutate(BatchResult originals, IReadOnlyList<string> sources,
        IReadOnlyList<IMutationOperator> operators, ProbeRequest request)
    {
        var mutants = new List<Mutant>();
        var unmutated = new List<ProbeUnmutated>();
        for (var i = 0; i < sources.Count; i++)
        {
            if (originals.Profiles[i].Verdict != VerdictOutcome.Pass)
            {
                continue;
            }
            var content = importer.TryReadBytes(sources[i]);
            var imported = content is null ? null : importer.Import(sources[i], content);
            if (content is null || imported is not { IsSuccess: true })
            {
                unmutated.Add(new ProbeUnmutated(sources[i], "could not be read again after its review"));
                continue;
            }
            var document = SourceDocument.From(DecodeText(content), imported.Profile);
            if (document is null)
            {
                unmutated.Add(new ProbeUnmutated(sources[i], $"{imported.Profile.Format} original: the operators mutate text pages only"));
                continue;
            }
            var made = MutantsOf(imported.Profile, document, operators, request.PerClass, request.Seed)
                .Select(m => m with { VersionHash = ImportMutant(m, Encoding.UTF8.GetBytes(m.Text)).Profile?.VersionHash })
                .ToList();
            if (made.Count == 0)
            {
                unmutated.Add(new ProbeUnmutated(sources[i], "no selected operator found a place for its defect"));
            }
            mutants.AddRange(made);
        }
        return (mutants, unmutated);
    }

    /// <summary>
    /// The real importer on the mutant's bytes, under the mutant's source name; its id gets the probe suffix so a mutant
    /// never becomes a version of the real profile (reviewers do not see ids or source names).
    /// </summary>
    private ImportResult ImportMutant(Mutant mutant, byte[] content)
    {
        var imported = importer.Import(mutant.Source, content);
        return imported.IsSuccess
            ? ImportResult.Success(imported.Profile with { Id = ProbeNames.MutantId(imported.Profile.Id, mutant.Class, mutant.Index) })
            : imported;
    }

    private static string DecodeText(byte[] content) => SourceDocument.Normalize(Encoding.UTF8.GetString(content));
}
