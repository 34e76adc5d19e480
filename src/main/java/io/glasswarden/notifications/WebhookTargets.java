package io.glasswarden.notifications;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which webhook receivers Glasswarden may call. A webhook URL is chosen by an API caller, so without limits it would let
 * that caller make the service send requests into networks only the service can reach (server-side request forgery):
 * cloud metadata endpoints ({@code 169.254.169.254}), the embedded database, the Kubernetes API, other pods. Refused by
 * default:
 * <ul>
 * <li>names that only make sense inside a network: {@code localhost}, single-label names (resolved through search
 * domains, e.g. a Service in the same namespace), {@code *.localhost}, {@code *.internal}, {@code *.local},
 * {@code kubernetes.default…}, {@code *.svc}, {@code *.cluster.local};</li>
 * <li>addresses that are not public: unspecified, loopback, link-local, private (RFC 1918), shared address space
 * (CGNAT, {@code 100.64.0.0/10}), benchmarking, reserved, multicast, IPv6 unique-local, site-local, and IPv6 forms that
 * embed one of those IPv4 addresses (IPv4-mapped, IPv4-compatible, NAT64, 6to4) — when ANY address a name resolves to
 * is one, the target is refused;</li>
 * <li>the database's own address and port, even when its network is allowed.</li>
 * </ul>
 * {@code glasswarden.webhooks.allowed-targets} lists exceptions for on-premises receivers: networks in CIDR notation
 * (an address is then accepted if it lies in one) and host names ({@code siem.corp.example} or {@code *.corp.example}:
 * every address of such a name is accepted). The check runs at registration and again, on every address, when each
 * delivery connects (a name may resolve differently later: DNS rebinding). Pure: no I/O except through the resolver.
 */
final class WebhookTargets {

    /** The one answer for every refused target, so that refusals tell nothing about the internal network. */
    static final String REFUSED = "must be an https URL of a receiver outside internal networks"
            + " (see glasswarden.webhooks.allowed-targets)";

    private static final List<Cidr> INTERNAL = List.of(
            // IPv4 (IANA special-purpose registry, RFC 6890)
            Cidr.parse("0.0.0.0/8"), Cidr.parse("10.0.0.0/8"), Cidr.parse("100.64.0.0/10"),
            Cidr.parse("127.0.0.0/8"), Cidr.parse("169.254.0.0/16"), Cidr.parse("172.16.0.0/12"),
            Cidr.parse("192.0.0.0/24"), Cidr.parse("192.168.0.0/16"), Cidr.parse("198.18.0.0/15"),
            Cidr.parse("224.0.0.0/4"), Cidr.parse("240.0.0.0/4"),
            // IPv6
            Cidr.parse("::/128"), Cidr.parse("::1/128"), Cidr.parse("100::/64"), Cidr.parse("2001::/32"),
            Cidr.parse("fc00::/7"), Cidr.parse("fe80::/10"), Cidr.parse("fec0::/10"), Cidr.parse("ff00::/8"));
    private static final Cidr IPV4_MAPPED = Cidr.parse("::ffff:0:0/96");
    private static final Cidr IPV4_COMPATIBLE = Cidr.parse("::/96");
    private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");
    private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");
    private static final Set<String> INTERNAL_NAMES = Set.of("localhost", "kubernetes", "kubernetes.default",
            "kubernetes.default.svc", "metadata", "metadata.google.internal");
    private static final List<String> INTERNAL_SUFFIXES = List.of(".localhost", ".internal", ".local", ".svc",
            ".cluster.local", ".home.arpa");

    private final List<Cidr> allowedNetworks;
    private final List<String> allowedHosts;
    private final List<InetAddress> databaseAddresses;
    private final int databasePort;

    /**
     * @param allowed CIDR networks and host names ({@code *.} prefix for a domain) accepted although internal
     * @param databaseAddresses the database's addresses; with {@code databasePort} never a target
     * @param databasePort the database's port, or -1 when unknown
     */
    WebhookTargets(List<String> allowed, List<InetAddress> databaseAddresses, int databasePort) {
        List<Cidr> networks = new ArrayList<>();
        List<String> hosts = new ArrayList<>();
        for (String entry : allowed) {
            String value = entry.trim().toLowerCase(Locale.ROOT);
            if (value.isEmpty()) {
                continue;
            }
            if (Cidr.isNetwork(value)) {
                networks.add(Cidr.parse(value));
            } else {
                hosts.add(stripDot(value));
            }
        }
        this.allowedNetworks = List.copyOf(networks);
        this.allowedHosts = List.copyOf(hosts);
        this.databaseAddresses = List.copyOf(databaseAddresses);
        this.databasePort = databasePort;
    }

    /** Whether a target given by name is acceptable before resolution (false: refuse without a DNS query). */
    boolean nameAllowed(String host) {
        String name = normalize(host);
        return hostAllowListed(name) || !internalName(name);
    }

    /**
     * Whether a delivery may connect to {@code addresses}, all of which {@code host} resolved to. One internal address
     * refuses the target: a connection may go to any of them.
     */
    boolean addressesAllowed(String host, int port, List<InetAddress> addresses) {
        String name = normalize(host);
        if (addresses.isEmpty() || !nameAllowed(name)) {
            return false;
        }
        boolean listed = hostAllowListed(name);
        for (InetAddress address : addresses) {
            if (isDatabase(address, port)) {
                return false;
            }
            if (!listed && isInternal(address) && allowedNetworks.stream().noneMatch(n -> n.contains(bytes(address)))) {
                return false;
            }
        }
        return true;
    }

    /** Resolves and checks; throws {@link UnknownHostException} for names that do not resolve. */
    boolean allowed(String host, int port, HostResolver resolver) throws UnknownHostException {
        if (!nameAllowed(host)) {
            return false;
        }
        return addressesAllowed(host, port, resolver.resolve(normalize(host)));
    }

    static boolean isInternal(InetAddress address) {
        byte[] bytes = bytes(address);
        if (INTERNAL.stream().anyMatch(n -> n.contains(bytes))) {
            return true;
        }
        if (address instanceof Inet6Address) {
            byte[] embedded = null;
            if (IPV4_MAPPED.contains(bytes) || IPV4_COMPATIBLE.contains(bytes) || NAT64.contains(bytes)) {
                embedded = Arrays.copyOfRange(bytes, 12, 16);
            } else if (SIX_TO_FOUR.contains(bytes)) {
                embedded = Arrays.copyOfRange(bytes, 2, 6);
            }
            if (embedded != null) {
                byte[] v4 = embedded;
                return INTERNAL.stream().anyMatch(n -> n.contains(v4));
            }
        }
        return false;
    }

    private boolean isDatabase(InetAddress address, int port) {
        if (port != databasePort) {
            return false;
        }
        boolean databaseLocal = databaseAddresses.stream()
                .anyMatch(a -> a.isLoopbackAddress() || a.isAnyLocalAddress());
        return databaseAddresses.contains(address)
                || databaseLocal && (address.isLoopbackAddress() || address.isAnyLocalAddress());
    }

    private boolean hostAllowListed(String name) {
        return allowedHosts.stream()
                .anyMatch(allowed -> allowed.startsWith("*.")
                        ? name.endsWith(allowed.substring(1))
                        : allowed.equals(name));
    }

    private static boolean internalName(String name) {
        if (Cidr.isNetwork(name)) {
            return false; // an address literal: judged by its address
        }
        return !name.contains(".") || INTERNAL_NAMES.contains(name)
                || name.startsWith("kubernetes.default.")
                || INTERNAL_SUFFIXES.stream().anyMatch(name::endsWith);
    }

    private static String normalize(String host) {
        String name = host.trim().toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return stripDot(name);
    }

    private static String stripDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static byte[] bytes(InetAddress address) {
        return address.getAddress();
    }
}
