package io.glasswarden.directory.graph;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import javax.net.ssl.SSLSocketFactory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.glasswarden.directory.AccountRef;
import io.glasswarden.directory.CandidateUser;
import io.glasswarden.directory.ConnectionCheck;
import io.glasswarden.directory.Directory;
import io.glasswarden.directory.DirectoryReading;
import io.glasswarden.directory.DirectoryResult;
import io.glasswarden.directory.DirectoryTenant;
import io.glasswarden.directory.DirectoryUnavailableException;
import io.glasswarden.directory.SignIn;
import io.glasswarden.directory.UnknownReason;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.logging.Log;

/** The {@link Directory} of live tenants: Microsoft Graph with app-only tokens (MSAL4J). */
@ApplicationScoped
public class GraphDirectory implements Directory {

    private final GraphSettings settings;
    private final GraphReader reader;
    private final ConnectionProbe probe;
    private EnforcementReads enforcement;

    /** For CDI client proxies only. */
    protected GraphDirectory() {
        this.settings = null;
        this.reader = null;
        this.probe = null;
    }

    @Inject
    public GraphDirectory(GraphConfig config, Instance<MeterRegistry> registry, Instance<Clock> clock) {
        this(GraphSettings.from(config, System::getenv),
                registry.isResolvable() ? registry.get() : new SimpleMeterRegistry(),
                clock.isResolvable() ? clock.get() : Clock.systemUTC(), Sleeper.SYSTEM, null,
                config.appRequestsPerWindow(), config.appWindow());
    }

    /**
     * For use without CDI. {@code sslSocketFactory} (nullable) is used for token requests instead of the JVM trust
     * store.
     */
    public GraphDirectory(GraphSettings settings, MeterRegistry registry, Clock clock, Sleeper sleeper,
            SSLSocketFactory sslSocketFactory) {
        this(settings, registry, clock, sleeper, sslSocketFactory, AppRequestBudget.DEFAULT_PERMITS,
                AppRequestBudget.DEFAULT_WINDOW);
    }

    /** As above, with the app-wide request budget shared by all tenants ({@code appRequests} per {@code appWindow}). */
    public GraphDirectory(GraphSettings settings, MeterRegistry registry, Clock clock, Sleeper sleeper,
            SSLSocketFactory sslSocketFactory, int appRequests, Duration appWindow) {
        this.settings = settings;
        if (!settings.isConfigured()) {
            Log.info("Microsoft Graph is not configured (no client id or credential): live tenants cannot be read");
            this.reader = null;
            this.probe = null;
            return;
        }
        GraphMetrics metrics = new GraphMetrics(registry);
        MsalTokenSource tokens = new MsalTokenSource(settings, sslSocketFactory);
        GraphClients clients = new GraphClients(settings, tokens);
        this.probe = new ConnectionProbe(settings, tokens, clients, new GraphTransport(metrics));
        RequestPacer pacer = new RequestPacer(clock, sleeper, settings.conditionalAccessInterval(),
                settings.signInRequestsPerWindow(), settings.signInWindow(),
                new AppRequestBudget(clock, sleeper, appRequests, appWindow));
        RetryPolicy retry = new RetryPolicy(clock, sleeper, settings.retryBudget(), settings.initialBackoff(),
                settings.maxBackoff());
        GraphTransport transport = new GraphTransport(metrics);
        this.reader = new GraphReader(clients, new BatchExecutor(transport, pacer, retry, metrics), clock);
        this.enforcement = new EnforcementReads(clients, transport, pacer, retry);
    }

    /** Whether a client id and a credential are configured; without them the service runs in demo mode. */
    public boolean isConfigured() {
        return settings.isConfigured();
    }

    @Override
    public DirectoryReading read(DirectoryTenant tenant, List<AccountRef> accounts, Instant signInsSince) {
        return configured().read(tenant, accounts, signInsSince);
    }

    @Override
    public DirectoryResult<List<CandidateUser>> readGlobalAdministrators(DirectoryTenant tenant) {
        return configured().readGlobalAdministrators(tenant);
    }

    @Override
    public DirectoryResult<List<SignIn>> readSignIns(DirectoryTenant tenant, Collection<String> userIds,
            Instant since) {
        return configured().readSignIns(tenant, userIds, since);
    }

    @Override
    public ConnectionCheck checkConnection(DirectoryTenant tenant) {
        return probe == null ? ConnectionProbe.notConfigured(settings, tenant) : probe.check(tenant);
    }

    @Override
    public DirectoryResult<io.glasswarden.directory.EnforcementSignIns> readEnforcementSignIns(DirectoryTenant tenant,
            java.util.Set<String> appIds, int maxDays, Instant now) {
        configured();
        return enforcement.read(tenant, appIds, maxDays, now);
    }

    private GraphReader configured() {
        if (reader == null) {
            throw new DirectoryUnavailableException(UnknownReason.GRAPH_ERROR,
                    "Microsoft Graph is not configured (glasswarden.graph.client-id and a credential)", null);
        }
        return reader;
    }
}
