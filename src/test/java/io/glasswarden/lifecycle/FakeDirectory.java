package io.glasswarden.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import io.glasswarden.directory.AccountRef;
import io.glasswarden.directory.CandidateUser;
import io.glasswarden.directory.DataGap;
import io.glasswarden.directory.Directory;
import io.glasswarden.directory.DirectoryReading;
import io.glasswarden.directory.DirectoryResult;
import io.glasswarden.directory.DirectoryTenant;
import io.glasswarden.directory.Fact;
import io.glasswarden.directory.SignIn;

/**
 * Test-only sign-in logs per tenant: the sign-ins the test put there (filtered by user and time as Graph would), or
 * the gap the test set (e.g. 403: permission denied). Enabled by {@link LifecycleProfile} only.
 */
@Alternative
@Singleton
public class FakeDirectory implements Directory {

    private final Map<String, List<SignIn>> signIns = new HashMap<>();
    private final Map<String, DataGap> gaps = new HashMap<>();
    private final Map<String, Instant> lastSince = new HashMap<>();
    private final AtomicInteger reads = new AtomicInteger();

    public synchronized void add(String tenantId, SignIn signIn) {
        signIns.computeIfAbsent(tenantId, t -> new ArrayList<>()).add(signIn);
    }

    public synchronized void fail(String tenantId, DataGap gap) {
        gaps.put(tenantId, gap);
    }

    public synchronized Instant lastSince(String tenantId) {
        return lastSince.get(tenantId);
    }

    public int reads() {
        return reads.get();
    }

    @Override
    public synchronized DirectoryResult<List<SignIn>> readSignIns(DirectoryTenant tenant, Collection<String> userIds,
            Instant since) {
        reads.incrementAndGet();
        lastSince.put(tenant.tenantId(), since);
        DataGap gap = gaps.get(tenant.tenantId());
        if (gap != null) {
            return new DirectoryResult<>(Fact.unknown(gap), 1);
        }
        List<SignIn> found = signIns.getOrDefault(tenant.tenantId(), List.of())
                .stream()
                .filter(s -> userIds.contains(s.userId()) && !s.createdDateTime().isBefore(since))
                .toList();
        return new DirectoryResult<>(Fact.known(found), 1);
    }

    @Override
    public DirectoryReading read(DirectoryTenant tenant, List<AccountRef> accounts, Instant signInsSince) {
        throw new UnsupportedOperationException("not used by lifecycle tests");
    }

    @Override
    public DirectoryResult<List<CandidateUser>> readGlobalAdministrators(DirectoryTenant tenant) {
        throw new UnsupportedOperationException("not used by lifecycle tests");
    }
}
