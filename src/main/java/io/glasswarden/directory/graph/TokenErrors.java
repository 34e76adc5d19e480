package io.glasswarden.directory.graph;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.aad.msal4j.MsalServiceException;

import io.glasswarden.directory.TokenStatus;

/**
 * Puts a refused token request into words. Entra answers {@code {"error", "error_description", "error_codes",
 * "timestamp", "trace_id", "correlation_id", "error_uri"}}; only the {@code AADSTS} code, the OAuth {@code error} and
 * the two ids are kept: the description names the tenant and the app and Microsoft changes its wording, so it is
 * neither shown nor logged. Microsoft warns that codes change over time, so an unknown code still gets a sentence from
 * its OAuth error.
 * <p>
 * Sources: "Microsoft Entra authentication and authorization error codes"
 * (https://learn.microsoft.com/entra/identity-platform/reference-error-codes: response fields, OAuth errors, 700016,
 * 7000215, 7000222, 7000112, 90002, 90038, 65001, 650056, 90094, 53003, 500011, 700027); "Troubleshoot service
 * principal authentication" for the Azure SDK for Java
 * (https://learn.microsoft.com/azure/developer/java/sdk/troubleshooting-authentication-service-principal: 7000215,
 * 7000222, 700016, 700027, 700024); "Important considerations and restrictions for federated identity credentials"
 * (https://learn.microsoft.com/entra/workload-id/workload-identity-federation-considerations: 70021, also while a new
 * credential propagates); Azure workload identity troubleshooting
 * (https://azure.github.io/azure-workload-identity/docs/troubleshooting.html: 70021 with issuer, subject, audience).
 */
final class TokenErrors {

    private static final Pattern AADSTS = Pattern.compile("AADSTS(\\d{4,8})");
    private static final Pattern TRACE_ID = Pattern.compile("Trace ID: ([0-9a-fA-F-]{36})");

    private static final String CONSENT = " An administrator of the tenant (Global Administrator or Privileged Role"
            + " Administrator) opens the admin-consent URL and grants the application permissions.";

    /** Known codes: what they mean for Glasswarden and what to do. */
    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("700016", "The app registration was not found in this tenant: nobody has granted admin consent"
                    + " to it here yet, or the tenant id, the tenant's cloud or glasswarden.graph.client-id is wrong."
                    + CONSENT),
            Map.entry("65001", "Admin consent is missing: the tenant has not consented to the app." + CONSENT),
            Map.entry("650056", "The app is misconfigured or admin consent is missing in this tenant: check that the"
                    + " app registration lists the Microsoft Graph application permissions." + CONSENT),
            Map.entry("90094", "Admin consent is required." + CONSENT),
            Map.entry("7000215", "The client secret is not valid: set glasswarden.graph.client-secret to the"
                    + " secret's value (not its secret ID) of this app registration."),
            Map.entry("7000222", "The client secret has expired: create a new secret on the app registration (or"
                    + " switch to a certificate or workload identity) and update glasswarden.graph.client-secret."),
            Map.entry("70002", "The client credential was refused: check glasswarden.graph.client-secret or the"
                    + " certificate configured for the app registration."),
            Map.entry("7000218", "No client credential reached Entra: configure a client secret, a certificate or"
                    + " workload identity for the app registration."),
            Map.entry("700027", "The certificate's signature was refused: the certificate Glasswarden signs with"
                    + " (glasswarden.graph.certificate-path) is not uploaded to the app registration, or another one"
                    + " is. Upload its public certificate under Certificates & secrets."),
            Map.entry("700024", "The client assertion is outside its valid time range. With a certificate,"
                    + " this machine's clock is off: Glasswarden signs the assertion with its own clock (valid from"
                    + " then for 10 minutes), so a clock minutes off Entra's makes every assertion invalid on"
                    + " arrival; synchronize it (NTP). With workload identity the projected service account token"
                    + " (AZURE_FEDERATED_TOKEN_FILE) has expired or is not yet valid; check that kubelet refreshes"
                    + " the projected volume and that the node's clock is in sync."),
            Map.entry("70021", "Workload identity: no federated identity credential of the app registration matches"
                    + " the presented Kubernetes token (issuer = the cluster's OIDC issuer URL, subject ="
                    + " system:serviceaccount:<namespace>:<service account>, audience = api://AzureADTokenExchange)."
                    + " Add or correct one; a new credential can take a few minutes to propagate."),
            Map.entry("700211", "Workload identity: no federated identity credential matches the token's issuer:"
                    + " set the credential's issuer to the cluster's OIDC issuer URL."),
            Map.entry("700213", "Workload identity: no federated identity credential matches the token's subject:"
                    + " set it to system:serviceaccount:<namespace>:<service account> of Glasswarden's pod."),
            Map.entry("53003", "Blocked by Conditional Access: a Conditional Access policy for workload identities"
                    + " blocks this app's service principal in the tenant (for example by location). Exclude it or"
                    + " allow the addresses Glasswarden connects from."),
            Map.entry("7000112", "The app is disabled in this tenant: an administrator re-enables its enterprise"
                    + " application (service principal)."),
            Map.entry("90002", "The tenant was not found in this cloud: check the tenant id and the tenant's cloud"
                    + " (global, usgov, usgovdod, china)."),
            Map.entry("90038", "The tenant belongs to another national cloud: set the tenant's cloud to it (an app"
                    + " registration works in its own cloud only)."),
            Map.entry("500011", "Microsoft Graph was not found in this tenant: the tenant's cloud is probably wrong."));

    private TokenErrors() {
    }

    /** The status of a failed token request; {@code cause} is what MSAL threw (may be null). */
    static TokenStatus explain(Throwable cause, String authorityHost) {
        if (!(cause instanceof MsalServiceException refused)) {
            // MSAL wraps transport failures in MsalClientException: the innermost cause says what happened
            String what = cause == null ? "unknown error" : innermost(cause);
            return new TokenStatus(TokenStatus.State.FAILED, null, null, "Entra could not be reached at "
                    + authorityHost + " (" + what + "): check the network path and the tenant's cloud.", null, null);
        }
        String description = refused.getMessage() == null ? "" : refused.getMessage();
        Matcher code = AADSTS.matcher(description);
        String number = code.find() ? code.group(1) : null;
        Matcher trace = TRACE_ID.matcher(description);
        String error = refused.errorCode();
        String reason = number != null && REASONS.containsKey(number)
                ? REASONS.get(number)
                : byOAuthError(error, refused.statusCode());
        return new TokenStatus(TokenStatus.State.FAILED, number == null ? null : "AADSTS" + number, error, reason,
                trace.find() ? trace.group(1) : null, refused.correlationId());
    }

    private static String innermost(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /** The sentence when the code is unknown: RFC 6749 §5.2 errors as Microsoft describes them. */
    private static String byOAuthError(String error, Integer status) {
        if ("invalid_client".equals(error)) {
            return "The app's credential was refused: check the client secret, certificate or workload identity of"
                    + " the app registration.";
        }
        if ("unauthorized_client".equals(error)) {
            return "The app is not allowed in this tenant: it is not consented here, disabled, or the tenant is"
                    + " wrong." + CONSENT;
        }
        if ("temporarily_unavailable".equals(error) || (status != null && status >= 500)) {
            return "Entra is temporarily unavailable: try again later.";
        }
        return "Entra refused the token request" + (error == null ? "" : " (" + error + ")")
                + ": look the AADSTS code up at https://login.microsoftonline.com/error.";
    }

    /** One line for logs and evaluation errors: code, OAuth error and the sentence; never the description. */
    static String describe(TokenStatus status) {
        StringBuilder out = new StringBuilder();
        if (status.code() != null) {
            out.append(status.code()).append(' ');
        }
        if (status.error() != null) {
            out.append('(').append(status.error()).append(") ");
        }
        out.append(status.reason());
        if (status.traceId() != null || status.correlationId() != null) {
            out.append(" [trace id ")
                    .append(status.traceId())
                    .append(", correlation id ")
                    .append(status.correlationId())
                    .append(']');
        }
        return out.toString();
    }
}
