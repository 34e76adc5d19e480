package io.glasswarden.evidence;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.glasswarden.accounts.AccountService;
import io.glasswarden.accounts.AccountView;
import io.glasswarden.core.Page;
import io.glasswarden.core.PageRequest;
import io.glasswarden.ledger.CanonicalJson;
import io.glasswarden.ledger.ChainLink;
import io.glasswarden.ledger.LedgerEntries;
import io.glasswarden.ledger.LedgerEntry;
import io.glasswarden.ledger.LedgerEntryView;
import io.glasswarden.tenants.Tenant;
import io.glasswarden.tenants.TenantService;
import io.glasswarden.tenants.TenantView;

/**
 * Builds a tenant's evidence bundle: inventory with each account's readiness history, drills and attestations, the
 * tenant's ledger entries with their hashes, the links of the whole chain up to its head, and a digest of it all.
 * Verifiable offline with docs/verify-evidence.py.
 */
@ApplicationScoped
public class EvidenceService {

    static final String FORMAT = "glasswarden-evidence/1";
    private static final int BATCH = 1000;

    private final TenantService tenants;
    private final AccountService accounts;
    private final AccountEvidence records;
    private final LedgerEntries ledger;
    private final ObjectMapper mapper;
    private final Clock clock;

    EvidenceService(TenantService tenants, AccountService accounts, AccountEvidence records, LedgerEntries ledger,
            ObjectMapper mapper, Clock clock) {
        this.tenants = tenants;
        this.accounts = accounts;
        this.records = records;
        this.ledger = ledger;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The bundle as canonical JSON text (the form its digest covers, plus the digest). */
    public String bundle(String tenantId, String generatedBy) {
        Tenant tenant = tenants.require(tenantId);
        // The head first: entries appended while we read are left for the next bundle, so the bundle is consistent.
        ChainLink head = ledger.head();
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("format", FORMAT);
        bundle.put("generatedAt", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
        bundle.put("generatedBy", generatedBy);
        bundle.put("tenant", TenantView.of(tenant));
        bundle.put("accounts", accountsOf(tenant));
        bundle.put("notes", List.of(
                "accounts[]: each account (active and retired) with its readiness history (every completed"
                        + " evaluation, newest first), drills and attestations.",
                "ledger: every entry of this tenant with its hash, and the links of the whole chain up to its head.",
                "Verify offline: python3 verify-evidence.py BUNDLE.json (docs/ledger.md)."));
        bundle.put("ledger", ledgerOf(tenant, head));
        ObjectNode tree = (ObjectNode) CanonicalJson.normalize(mapper.valueToTree(bundle));
        String digest = "sha256:" + sha256(CanonicalJson.write(tree));
        tree.put("digest", digest);
        return CanonicalJson.write(tree);
    }

    private List<Map<String, Object>> accountsOf(Tenant tenant) {
        return all(page -> accounts.list(tenant.tenantId(), null, null, page).map(AccountView::of)).stream()
                .map(account -> records.of(tenant.tenantId(), account))
                .toList();
    }

    /** Every item of a paged list, page by page. */
    static <T> List<T> all(Function<PageRequest, Page<T>> pageAt) {
        List<T> all = new ArrayList<>();
        for (int page = 0;; page++) {
            Page<T> batch = pageAt.apply(new PageRequest(page, PageRequest.MAX_SIZE));
            all.addAll(batch.items());
            if (batch.items().size() < PageRequest.MAX_SIZE) {
                return all;
            }
        }
    }

    private Map<String, Object> ledgerOf(Tenant tenant, ChainLink head) {
        List<LedgerEntryView> entries = new ArrayList<>();
        long after = 0;
        for (List<LedgerEntry> batch = ledger.batch(after, BATCH, tenant.tenantId()); !batch.isEmpty(); batch = ledger
                .batch(after, BATCH, tenant.tenantId())) {
            for (LedgerEntry entry : batch) {
                if (entry.sequence() <= head.sequence()) {
                    entries.add(LedgerEntryView.of(entry));
                }
                after = entry.sequence();
            }
        }
        List<ChainLink> chain = new ArrayList<>();
        for (List<ChainLink> batch = ledger.links(0, head.sequence(), BATCH); !batch.isEmpty(); batch = ledger
                .links(chain.get(chain.size() - 1).sequence(), head.sequence(), BATCH)) {
            chain.addAll(batch);
        }
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("head", Map.of("sequence", head.sequence(), "hash", "sha256:" + head.hash()));
        section.put("entries", entries);
        section.put("chain", chain);
        return section;
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
