package io.glasswarden.readiness.candidates;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.glasswarden.accounts.AccountService;
import io.glasswarden.accounts.EmergencyAccount;
import io.glasswarden.core.ServiceUnavailableException;
import io.glasswarden.directory.AccountFacts;
import io.glasswarden.directory.AccountRef;
import io.glasswarden.directory.CandidateUser;
import io.glasswarden.directory.Directory;
import io.glasswarden.directory.DirectoryReading;
import io.glasswarden.directory.DirectoryResult;
import io.glasswarden.directory.DirectoryTenant;
import io.glasswarden.directory.DirectoryUnavailableException;
import io.glasswarden.directory.TenantFacts;
import io.glasswarden.readiness.AaguidCatalogue;
import io.glasswarden.readiness.AccountContext;
import io.glasswarden.readiness.InventoryFacts;
import io.glasswarden.readiness.evaluation.DirectorySelector;
import io.glasswarden.tenants.Tenant;
import io.glasswarden.tenants.TenantService;
import io.glasswarden.tenants.TenantSettings;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Finds likely emergency accounts missing from the inventory, and inventoried accounts that do not look like one. */
@ApplicationScoped
public class CandidateService {

    private final TenantService tenants;
    private final AccountService accounts;
    private final DirectorySelector directories;
    private final Clock clock;

    CandidateService(TenantService tenants, AccountService accounts, DirectorySelector directories, Clock clock) {
        this.tenants = tenants;
        this.accounts = accounts;
        this.directories = directories;
        this.clock = clock;
    }

    /** Inventory as read in a short transaction. */
    private record Inventory(DirectoryTenant tenant, TenantSettings settings, List<EmergencyAccount> accounts,
            Tenant entity) {
    }

    public CandidateReport candidates(String tenantId) {
        Inventory inventory = QuarkusTransaction.requiringNew().call(() -> {
            Tenant tenant = tenants.require(tenantId);
            return new Inventory(new DirectoryTenant(tenant.tenantId(), tenant.cloud().wireValue()),
                    tenant.settings(), accounts.activeAccounts(tenant), tenant);
        });
        Directory directory = directories.forKind(inventory.entity().directory());
        Instant now = clock.instant();
        List<AccountRef> refs = inventory.accounts()
                .stream()
                .map(a -> new AccountRef(a.objectId(), a.userPrincipalName()))
                .toList();
        try {
            DirectoryReading reading = directory.read(inventory.tenant(), refs, now);
            DirectoryResult<List<CandidateUser>> admins = directory.readGlobalAdministrators(inventory.tenant());
            List<String> notes = new ArrayList<>();
            List<CandidateReport.Candidate> candidates = new ArrayList<>();
            if (admins.fact().isKnown()) {
                for (CandidateUser admin : admins.fact().value()) {
                    if (!inventoried(admin, inventory.accounts())) {
                        candidate(admin, reading.tenant(), inventory.settings(), now).ifPresent(candidates::add);
                    }
                }
            } else {
                notes.add("Global Administrators could not be read (" + admins.fact().missing().orElseThrow().detail()
                        + "), so no candidates are suggested.");
            }
            List<CandidateReport.InventoryMismatch> mismatches = new ArrayList<>();
            for (int i = 0; i < inventory.accounts().size(); i++) {
                EmergencyAccount account = inventory.accounts().get(i);
                EmergencyAccountProfile profile = EmergencyAccountProfile
                        .of(context(reading.accounts().get(i), reading.tenant(), inventory.settings(), now));
                if (!profile.looksLikeOne()) {
                    mismatches.add(new CandidateReport.InventoryMismatch(account.id(), account.userPrincipalName(),
                            account.objectId(), profile.mismatches()));
                }
            }
            return new CandidateReport(inventory.tenant().tenantId(), now, reading.requests() + admins.requests(),
                    candidates, mismatches, notes);
        } catch (DirectoryUnavailableException e) {
            throw new ServiceUnavailableException("The directory could not be read: " + e.getMessage());
        }
    }

    private static java.util.Optional<CandidateReport.Candidate> candidate(CandidateUser admin, TenantFacts tenant,
            TenantSettings settings, Instant now) {
        EmergencyAccountProfile profile = EmergencyAccountProfile.of(context(admin.facts(), tenant, settings, now));
        if (!profile.looksLikeOne()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new CandidateReport.Candidate(admin.user().id(),
                admin.user().userPrincipalName(), admin.user().displayName(), profile.matches(), profile.unknowns()));
    }

    private static AccountContext context(AccountFacts facts, TenantFacts tenant, TenantSettings settings,
            Instant now) {
        return new AccountContext(facts, tenant, settings, InventoryFacts.empty(), AaguidCatalogue.bundled(), now);
    }

    private static boolean inventoried(CandidateUser admin, List<EmergencyAccount> accounts) {
        Set<String> ids = accounts.stream()
                .map(EmergencyAccount::objectId)
                .filter(id -> id != null)
                .collect(Collectors.toSet());
        Set<String> upns = accounts.stream()
                .map(EmergencyAccount::userPrincipalName)
                .filter(upn -> upn != null)
                .map(upn -> upn.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        return ids.contains(admin.user().id().toLowerCase(Locale.ROOT)) || (admin.user().userPrincipalName() != null
                && upns.contains(admin.user().userPrincipalName().toLowerCase(Locale.ROOT)));
    }
}
