package io.glasswarden.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.glasswarden.accounts.AccountChanges;
import io.glasswarden.accounts.AccountService;
import io.glasswarden.core.ConflictException;
import io.glasswarden.core.ResourceNotFoundException;
import io.glasswarden.directory.snapshot.SnapshotFormat;
import io.glasswarden.directory.snapshot.SnapshotStore;
import io.glasswarden.readiness.evaluation.DirectorySelector;
import io.glasswarden.readiness.evaluation.EvaluationService;
import io.glasswarden.tenants.Cloud;
import io.glasswarden.tenants.DirectoryKind;
import io.glasswarden.tenants.TenantRequest;
import io.glasswarden.tenants.TenantService;
import io.glasswarden.tenants.TenantSettings;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * The demo tenant "Contoso (demo)" ({@value #TENANT_ID}): when no Graph credential is configured and
 * {@code glasswarden.demo.enabled} is true, it is created at start if absent (safe with several instances) with its
 * accounts, a drill and a custody attestation per account (as a well-run tenant would have), and its snapshot
 * ({@code demo/}); then an evaluation is requested, so a newcomer sees verdicts within a minute. The snapshot's dates
 * are relative to the demo's creation, so that drills and sign-ins stay matched across restarts; like a real tenant,
 * the demo ages (drills fall due after 90 days).
 */
@ApplicationScoped
class DemoTenant {

    /** The demo's drills happen 20 days before its creation, when the snapshot's sign-ins happened. */
    static final Duration DRILL_AGE = Duration.ofDays(20);

    static final String TENANT_ID = "00000000-0000-4000-8000-00000000de30";
    static final String DISPLAY_NAME = "Contoso (demo)";
    static final String UPLOADER = "demo";
    private static final Pattern RELATIVE = Pattern.compile("\\$\\{now(?:-(\\d+)d)?}");

    private final boolean enabled;
    private final DirectorySelector directories;
    private final TenantService tenants;
    private final AccountService accounts;
    private final SnapshotStore snapshots;
    private final EvaluationService evaluations;
    private final DemoRecords records;
    private final ObjectMapper json;

    DemoTenant(@ConfigProperty(name = "glasswarden.demo.enabled") boolean enabled, DirectorySelector directories,
            TenantService tenants, AccountService accounts, SnapshotStore snapshots, EvaluationService evaluations,
            DemoRecords records, ObjectMapper json) {
        this.enabled = enabled;
        this.directories = directories;
        this.tenants = tenants;
        this.accounts = accounts;
        this.snapshots = snapshots;
        this.evaluations = evaluations;
        this.records = records;
        this.json = json;
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled || directories.graphConfigured()) {
            return;
        }
        try {
            boolean created = QuarkusTransaction.requiringNew().call(this::createIfAbsent);
            Instant anchor = QuarkusTransaction.requiringNew().call(() -> tenants.require(TENANT_ID).createdAt());
            refreshSnapshot(created, anchor.truncatedTo(ChronoUnit.SECONDS));
            if (created) {
                QuarkusTransaction.requiringNew().run(() -> records.seed(anchor));
            }
            evaluations.request(TENANT_ID, UPLOADER);
            Log.infof("Demo tenant %s (%s) is ready; set glasswarden.demo.enabled=false to hide it", DISPLAY_NAME,
                    TENANT_ID);
        } catch (ConflictException e) {
            Log.infof("Demo tenant not evaluated: %s", e.getMessage());
        } catch (RuntimeException e) {
            // Typically another instance created it at the same moment; it will evaluate it.
            Log.warnf("Demo tenant not set up by this instance: %s", e.getMessage());
        }
    }

    private boolean createIfAbsent() {
        try {
            tenants.require(TENANT_ID);
            return false;
        } catch (ResourceNotFoundException absent) {
            tenants.create(new TenantRequest(TENANT_ID, DISPLAY_NAME, Cloud.GLOBAL.wireValue(),
                    DirectoryKind.SNAPSHOT.wireValue(),
                    TenantSettings.defaults()));
            for (AccountChanges account : demoAccounts()) {
                accounts.create(TENANT_ID, account);
            }
            return true;
        }
    }

    /** The demo's dates are relative to its creation; a snapshot uploaded by someone else is left alone. */
    private void refreshSnapshot(boolean created, Instant anchor) {
        boolean ours = snapshots.find(TENANT_ID).map(s -> UPLOADER.equals(s.uploadedBy())).orElse(true);
        if (created || ours) {
            snapshots.save(SnapshotFormat.parse(resolveDates(resource("demo/contoso-snapshot.json"), anchor),
                    TENANT_ID), UPLOADER);
        }
    }

    private List<AccountChanges> demoAccounts() {
        try {
            return json.readValue(resource("demo/contoso-accounts.json"), new TypeReference<List<AccountChanges>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces {@code ${now}} and {@code ${now-20d}} by instants. */
    static String resolveDates(String template, Instant now) {
        Matcher m = RELATIVE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            long days = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
            m.appendReplacement(out, now.minus(Duration.ofDays(days)).toString());
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String resource(String path) {
        try (InputStream in = DemoTenant.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
