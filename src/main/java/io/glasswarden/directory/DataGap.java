package io.glasswarden.directory;

/**
 * What could not be read and why. {@code data} names the data in words ("sign-in logs"), {@code permission} the Graph
 * application permission that was missing (e.g. {@code AuditLog.Read.All}) and {@code licence} the licence (e.g.
 * {@code Microsoft Entra ID P1}); either may be null. {@code detail} is a short, secret-free explanation.
 */
public record DataGap(String data, UnknownReason reason, String permission, String licence, String detail) {

    public static DataGap of(String data, UnknownReason reason, String detail) {
        return new DataGap(data, reason, null, null, detail);
    }

    public static DataGap permission(String data, String permission) {
        return new DataGap(data, UnknownReason.PERMISSION_DENIED, permission, null,
                "the app registration lacks " + permission);
    }

    public static DataGap licence(String data, String licence) {
        return new DataGap(data, UnknownReason.LICENSE_REQUIRED, null, licence, "the tenant lacks " + licence);
    }
}
