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
    /// Registers <see cref="IReviewStore"/> (and its <see cref="IWorkQueue"/>) as a singleton: SQLite by default, PostgreSQL when
    /// <c>ReviewPanel:Store:Provider</c> is <c>postgres</c>. Options are validated at start. The caller runs
    /// <see cref="IReviewStore.InitializeAsync"/> once before use (it migrates the schema).
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
        services.TryAddSingleton<IReviewStore>(sp => sp.GetRequiredService<IOptions<StoreOptions>>().Value.IsPostgres
            ? sp.GetRequiredService<PostgresReviewStore>()
            : sp.GetRequiredService<SqliteReviewStore>());
        // The queue lives in the same database as the history, so completing a job and recording its verdict is one transaction.
        services.TryAddSingleton<ChainCheckpoints>();
        services.TryAddSingleton<IWorkQueue>(sp => (IWorkQueue)sp.GetRequiredService<IReviewStore>());
        return services;
    }
}
