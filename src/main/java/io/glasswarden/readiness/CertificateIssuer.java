package io.glasswarden.readiness;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.glasswarden.directory.AuthenticationStrength;
import io.glasswarden.directory.DataGap;
import io.glasswarden.directory.DirectoryUser;
import io.glasswarden.directory.TrustedCertificateAuthority;
import io.glasswarden.directory.UnknownReason;

/**
 * The issuer of the certificate the account signs in with, as far as the directory tells. Entra stores no user
 * certificates; the issuer is known only from a {@code certificateUserIds} value that names it
 * ({@code X509:<I>issuer<S>subject} or {@code X509:<I>issuer<SR>serial}, one issuer for all such values), and its
 * subject key identifier only when a trusted certificate authority has that name. Either may be null.
 */
public record CertificateIssuer(String name, String subjectKeyIdentifier) {
    private static final String ISSUER_PREFIX = "X509:<I>";
    /** What an unknown issuer or unknown policy OIDs leave open. */
    static final DataGap CERTIFICATE_GAP = DataGap.of("the issuer and policy OIDs of the account's certificate",
            UnknownReason.NOT_REPORTED, "Microsoft Entra ID stores no user certificates; the issuer is known only "
                    + "from an IssuerAndSubject or IssuerAndSerialNumber value in certificateUserIds that names a "
                    + "trusted certificate authority, and policy OIDs not at all");

    public static CertificateIssuer of(DirectoryUser user, List<TrustedCertificateAuthority> authorities) {
        List<String> names = PolicyTargeting.nullSafe(user.certificateUserIds())
                .stream()
                .filter(id -> id.startsWith(ISSUER_PREFIX))
                .map(CertificateIssuer::issuerOf)
                .flatMap(Optional::stream)
                .distinct()
                .toList();
        if (names.size() != 1) {
            return new CertificateIssuer(null, null);
        }
        String name = names.get(0);
        String ski = PolicyTargeting.nullSafe(authorities)
                .stream()
                .filter(ca -> ca.issuer() != null && normalised(ca.issuer()).equals(normalised(name)))
                .map(TrustedCertificateAuthority::subjectKeyIdentifier)
                .findFirst()
                .orElse(null);
        return new CertificateIssuer(name, ski);
    }

    /** Whether the name matches an issuer subject as a CBA rule states it (case and spaces after commas ignored). */
    public boolean named(String issuerSubject) {
        return name != null && issuerSubject != null && normalised(name).equals(normalised(issuerSubject));
    }

    /** Whether an identifier begins with the issuer's name (an {@code issuerSubjectAndPolicyOID} rule). */
    public boolean namedAtStartOf(String identifier) {
        return name != null && identifier != null && normalised(identifier).startsWith(normalised(name));
    }

    /**
     * Whether an authentication strength's certificate restrictions admit the certificate: yes without restrictions;
     * with allowed issuers, by the issuer's subject key identifier when known; unknown when policy OIDs are restricted
     * (they cannot be read) or the issuer is not known.
     */
    public Judgement admittedBy(AuthenticationStrength strength) {
        List<String> skis = PolicyTargeting.nullSafe(strength.x509AllowedIssuerSkis());
        List<String> oids = PolicyTargeting.nullSafe(strength.x509AllowedPolicyOids());
        String source = "authentication strength '" + strength.displayName() + "'";
        if (!oids.isEmpty()) {
            return Judgement.unknown(CERTIFICATE_GAP, source + " admits only certificates with policy OIDs " + oids
                    + ", which the directory does not hold for the account's certificate");
        }
        if (skis.isEmpty()) {
            return Judgement.yes(source + " does not restrict certificates");
        }
        if (subjectKeyIdentifier == null) {
            return Judgement.unknown(CERTIFICATE_GAP, source + " admits only certificates issued by " + skis
                    + " and the issuer of the account's certificate is not known");
        }
        return skis.stream().anyMatch(subjectKeyIdentifier::equalsIgnoreCase)
                ? Judgement.yes(source + " admits issuer " + name + " (" + subjectKeyIdentifier + ")")
                : Judgement.no(source + " admits only certificates issued by " + skis + ", not by " + name + " ("
                        + subjectKeyIdentifier + ")");
    }

    private static Optional<String> issuerOf(String certificateUserId) {
        String rest = certificateUserId.substring(ISSUER_PREFIX.length());
        int end = rest.indexOf("<S");
        return end <= 0 ? Optional.empty() : Optional.of(rest.substring(0, end));
    }

    private static String normalised(String distinguishedName) {
        return distinguishedName.replaceAll("\\s*,\\s*", ",").trim().toLowerCase(Locale.ROOT);
    }
}
