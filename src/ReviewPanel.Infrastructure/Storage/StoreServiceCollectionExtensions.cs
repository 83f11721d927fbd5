using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ReviewPanel.Storage.Postgres;
using ReviewPanel.Storage.Sqlite;

namespace ReviewPanel.Storage;

public static class StoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the store as one singleton behind each of its narrow interfaces (<see cref="IHistoryWriter"/>,
    /// <see cref="IHistoryReader"/>, <see cref="IChainVerifier"/>, <see cref="IWorkQueue"/>, and their union
    /// <see cref="IReviewStore"/>): SQLite by default, PostgreSQL when <c>ReviewPanel:Store:Provider</c> is <c>postgres</c>.
    /// Options are validated at start. The caller runs <see cref="IHistoryWriter.InitializeAsync"/> once before use.
    /// </summary>
    public static IServiceCollection AddReviewPanelStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddLogging();
        services.AddOptions<StoreOptions>()
            .Bind(configuration.GetSection(StoreOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SqliteReviewStore>();
        services.TryAddSingleton<PostgresReviewStore>();
        services.TryAddSingleton<DbReviewStore>(sp => sp.GetRequiredService<IOptions<StoreOptions>>().Value.IsPostgres
            ? sp.GetRequiredService<PostgresReviewStore>()
            : sp.GetRequiredService<SqliteReviewStore>());
        services.TryAddSingleton<IReviewStore>(sp => sp.GetRequiredService<DbReviewStore>());
        services.TryAddSingleton<IHistoryWriter>(sp => sp.GetRequiredService<DbReviewStore>());
        services.TryAddSingleton<IHistoryReader>(sp => sp.GetRequiredService<DbReviewStore>());
        services.TryAddSingleton<IChainVerifier>(sp => sp.GetRequiredService<DbReviewStore>());
        services.TryAddSingleton<IRunCatalog>(sp => sp.GetRequiredService<DbReviewStore>());
        services.TryAddSingleton<IWaiverStore>(sp => sp.GetRequiredService<DbReviewStore>());
        // The queue lives in the same database as the history, so completing a job and recording its verdict is one transaction.
        services.TryAddSingleton<IWorkQueue>(sp => sp.GetRequiredService<DbReviewStore>());
        services.TryAddSingleton<ChainCheckpoints>();
        return services;
    }
}
