package io.glasswarden.directory.graph;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import io.glasswarden.directory.Fact;
import io.glasswarden.directory.TrustedCertificateAuthority;

/**
 * The two CBA trust stores, read once per evaluation. Round 1 carries the legacy store ({@code t-trust-store},
 * {@code /organization/{id}/certificateBasedAuthConfiguration}) and the PKI list ({@code t-pkis}); round 2 carries one
 * step per PKI found ({@code t-pki{i}-authorities}), so a tenant without PKIs costs no extra request. The stores are
 * merged fail closed: known (the union) when both were read; known with the other store's list when one is unreadable
 * but the other has at least one CA (BG-018 needs only one); otherwise unknown with the gap of the unreadable store.
 */
final class TrustStoreReads {

    static final String LEGACY = "t-trust-store";
    static final String PKIS = "t-pkis";
    private static final String PKI_BASE = "/directory/publicKeyInfrastructure/certificateBasedAuthConfigurations";

    private TrustStoreReads() {
    }

    /** The round-1 steps: the legacy store and the PKI list. */
    static List<GraphStep> steps(String tenantId) {
        return List.of(
                GraphStep.of(LEGACY,
                        "/organization/" + GraphPaths.encode(tenantId) + "/certificateBasedAuthConfiguration"),
                GraphStep.of(PKIS, PKI_BASE));
    }

    /** The round-2 steps: the certificate authorities of each PKI listed; none when the list is empty or unreadable. */
    static List<GraphStep> authoritySteps(Map<String, GraphResponse> results) {
        List<String> ids = pkiIds(results);
        List<GraphStep> steps = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            steps.add(GraphStep.of(authorityStep(i),
                    PKI_BASE + "/" + GraphPaths.encode(ids.get(i)) + "/certificateAuthorities"));
        }
        return steps;
    }

    /** Both stores merged, from the answers of both rounds. */
    static Fact<List<TrustedCertificateAuthority>> authorities(Map<String, GraphResponse> results) {
        return merge(AccountReads.read(DataArea.TRUST_STORE, results.get(LEGACY), TrustStoreMapper::authorities),
                pki(results));
    }

    static Fact<List<TrustedCertificateAuthority>> merge(Fact<List<TrustedCertificateAuthority>> legacy,
            Fact<List<TrustedCertificateAuthority>> pki) {
        if (legacy.isKnown() && pki.isKnown()) {
            List<TrustedCertificateAuthority> union = new ArrayList<>(legacy.value());
            union.addAll(pki.value());
            return Fact.known(List.copyOf(new LinkedHashSet<>(union)));
        }
        if (legacy.isKnown() && !legacy.value().isEmpty()) {
            return legacy;
        }
        if (pki.isKnown() && !pki.value().isEmpty()) {
            return pki;
        }
        // the unreadable store decides; when both are, the legacy store's gap is named
        return Fact.unknown((legacy.isKnown() ? pki : legacy).missing().orElseThrow());
    }

    /** The PKI-based store: unknown when the list or any PKI's certificate authorities could not be read. */
    private static Fact<List<TrustedCertificateAuthority>> pki(Map<String, GraphResponse> results) {
        Fact<List<String>> ids = AccountReads.read(DataArea.PKI_TRUST_STORE, results.get(PKIS),
                PkiTrustStoreMapper::pkiIds);
        if (!ids.isKnown()) {
            return Fact.unknown(ids.missing().orElseThrow());
        }
        List<TrustedCertificateAuthority> out = new ArrayList<>();
        for (int i = 0; i < ids.value().size(); i++) {
            Fact<List<TrustedCertificateAuthority>> authorities = AccountReads.read(DataArea.PKI_TRUST_STORE,
                    results.get(authorityStep(i)), PkiTrustStoreMapper::authorities);
            if (!authorities.isKnown()) {
                return authorities;
            }
            out.addAll(authorities.value());
        }
        return Fact.known(List.copyOf(out));
    }

    private static List<String> pkiIds(Map<String, GraphResponse> results) {
        GraphResponse list = results.get(PKIS);
        return list != null && list.ok() ? PkiTrustStoreMapper.pkiIds(list.body()) : List.of();
    }

    private static String authorityStep(int i) {
        return "t-pki" + i + "-authorities";
    }
}
