package io.glasswarden.core;

import java.util.regex.Pattern;

/**
 * User principal names as Glasswarden accepts them, from the inventory and from directory snapshots alike: an Internet
 * style name {@code local@domain} with no whitespace and a DNS domain (Microsoft Learn, "Plan and troubleshoot User
 * Principal Name changes": UPN = UPN prefix + "@" + UPN suffix, the suffix being a domain of the tenant).
 */
public final class Upns {

    public static final String REGEX = "^[^@\\s]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$";

    private static final Pattern PATTERN = Pattern.compile(REGEX);

    private Upns() {
    }

    public static boolean isValid(String upn) {
        return upn != null && upn.length() <= 320 && PATTERN.matcher(upn).matches();
    }
}
