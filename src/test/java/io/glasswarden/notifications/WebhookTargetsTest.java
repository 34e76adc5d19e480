package io.glasswarden.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which webhook targets are refused (issue 9, finding 5: server-side request forgery). */
class WebhookTargetsTest {

    /** As configured by default: no allow-list; the database on loopback port 5432. */
    private static final WebhookTargets DEFAULTS = new WebhookTargets(List.of(), addresses("127.0.0.1"), 5432);

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "169.254.169.254", "169.254.170.2", "10.0.0.1", "172.16.5.4",
            "172.31.255.255", "192.168.1.1", "100.64.0.1", "100.127.255.254", "0.0.0.0", "0.1.2.3", "224.0.0.1",
            "239.255.255.250", "255.255.255.255", "198.18.0.1", "192.0.0.170", "::", "::1", "fe80::1", "fd00::1",
            "fc12:3456::1", "fec0::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::ffff:10.1.2.3",
            "::127.0.0.1", "64:ff9b::a9fe:a9fe", "2002:a9fe:a9fe::1", "2002:7f00:1::1", "2001:0:4136:e378::1"})
    void internalAddressesAreRefusedByDefault(String address) {
        assertThat(DEFAULTS.addressesAllowed("receiver.example.com", 443, addresses(address)))
                .as("%s is not a public address", address)
                .isFalse();
        assertThat(DEFAULTS.addressesAllowed(address, 443, addresses(address))).as("as an address literal").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "203.0.113.7", "8.8.8.8", "100.128.0.1", "172.32.0.1", "2606:4700::1111",
            "2a00:1450:4001:80b::200e", "64:ff9b::808:808", "2002:808:808::1"})
    void publicAddressesAreAccepted(String address) {
        assertThat(DEFAULTS.addressesAllowed("receiver.example.com", 443, addresses(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST.", "app.localhost", "kubernetes", "kubernetes.default",
            "kubernetes.default.svc", "kubernetes.default.svc.cluster.local", "glasswarden-db.glasswarden.svc",
            "postgres", "metadata.google.internal", "printer.local", "nas.home.arpa"})
    void internalNamesAreRefusedBeforeAnyLookup(String host) {
        assertThat(DEFAULTS.nameAllowed(host)).as(host).isFalse();
        assertThat(DEFAULTS.addressesAllowed(host, 443, addresses("93.184.215.14")))
                .as("%s even when it resolves to a public address", host)
                .isFalse();
    }

    @Test
    void oneInternalAddressAmongSeveralRefusesTheName() {
        // a client may connect to any address of the answer, so every one must be public
        assertThat(DEFAULTS.addressesAllowed("receiver.example.com", 443,
                addresses("93.184.215.14", "2606:4700::1111", "10.0.0.5"))).isFalse();
        assertThat(DEFAULTS.addressesAllowed("receiver.example.com", 443, List.of())).as("no address").isFalse();
    }

    @Test
    void allowListAdmitsListedNetworksAndHostsOnly() {
        WebhookTargets targets = new WebhookTargets(List.of("10.20.0.0/16", " *.corp.example ", "siem.lab.example",
                "fd00:1::/32"), List.of(), -1);

        assertThat(targets.addressesAllowed("siem.example.com", 443, addresses("10.20.3.4"))).isTrue();
        assertThat(targets.addressesAllowed("siem.example.com", 443, addresses("10.21.0.1"))).isFalse();
        assertThat(targets.addressesAllowed("siem.example.com", 443, addresses("10.20.3.4", "169.254.169.254")))
                .as("an allowed network does not admit the other addresses of the answer")
                .isFalse();
        assertThat(targets.addressesAllowed("x.corp.example", 443, addresses("192.168.7.7"))).isTrue();
        assertThat(targets.addressesAllowed("x.corp.example.attacker.com", 443, addresses("192.168.7.7"))).isFalse();
        assertThat(targets.addressesAllowed("siem.lab.example", 443, addresses("172.16.0.9"))).isTrue();
        assertThat(targets.addressesAllowed("other.lab.example", 443, addresses("172.16.0.9"))).isFalse();
        assertThat(targets.addressesAllowed("siem.example.com", 443, addresses("fd00:1:2::3"))).isTrue();
        assertThat(targets.addressesAllowed("siem.example.com", 443, addresses("fd00:2::3"))).isFalse();
    }

    @Test
    void theDatabasePortStaysRefusedEvenWhenLoopbackIsAllowed() {
        WebhookTargets targets = new WebhookTargets(List.of("localhost", "127.0.0.0/8", "::1"),
                addresses("127.0.0.1"), 5432);

        assertThat(targets.addressesAllowed("127.0.0.1", 8080, addresses("127.0.0.1"))).isTrue();
        assertThat(targets.addressesAllowed("127.0.0.1", 5432, addresses("127.0.0.1"))).isFalse();
        assertThat(targets.addressesAllowed("localhost", 5432, addresses("127.0.0.1", "::1"))).isFalse();
        assertThat(targets.addressesAllowed("127.0.0.1", 5432, addresses("127.0.0.2"))).as("all of 127/8")
                .isFalse();
        assertThat(targets.addressesAllowed("0.0.0.0", 5432, addresses("0.0.0.0"))).isFalse();
    }

    @Test
    void theDatabaseAddressIsRefusedOnItsPortEvenInAnAllowedNetwork() {
        WebhookTargets targets = new WebhookTargets(List.of("10.0.0.0/8"), addresses("10.1.2.3"), 5432);

        assertThat(targets.addressesAllowed("db.corp.example", 5432, addresses("10.1.2.3"))).isFalse();
        assertThat(targets.addressesAllowed("siem.corp.example", 5432, addresses("10.1.2.4"))).isTrue();
        assertThat(targets.addressesAllowed("siem.corp.example", 443, addresses("10.1.2.3"))).isTrue();
    }

    @Test
    void theResolverIsAskedOnceAndEveryAnswerIsChecked() throws UnknownHostException {
        HostResolver rebinding = host -> addresses("169.254.169.254");

        assertThat(DEFAULTS.allowed("receiver.example.com", 443, rebinding)).isFalse();
        assertThat(DEFAULTS.allowed("kubernetes.default.svc", 443, host -> {
            throw new AssertionError("internal names are refused without a lookup");
        })).isFalse();
    }

    @Test
    void cidrMatchesPrefixesOnly() {
        assertThat(Cidr.parse("100.64.0.0/10").contains(bytes("100.127.0.1"))).isTrue();
        assertThat(Cidr.parse("100.64.0.0/10").contains(bytes("100.128.0.1"))).isFalse();
        assertThat(Cidr.parse("fc00::/7").contains(bytes("fdff::1"))).isTrue();
        assertThat(Cidr.parse("fc00::/7").contains(bytes("fe00::1"))).isFalse();
        assertThat(Cidr.parse("10.0.0.0/8").contains(bytes("::ffff:10.0.0.1"))).as("Java maps it to IPv4").isTrue();
        assertThat(Cidr.isNetwork("cafe.be")).as("a name, never looked up").isFalse();
        assertThat(Cidr.isNetwork("10.0.0.0/33")).isFalse();
    }

    private static List<InetAddress> addresses(String... literals) {
        return Arrays.stream(literals).map(WebhookTargetsTest::address).toList();
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    private static byte[] bytes(String literal) {
        return address(literal).getAddress();
    }
}
