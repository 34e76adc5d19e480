package io.glasswarden.notifications;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/**
 * A resolver whose answers tests set per name, to model what an attacker who controls a DNS zone can do: answer with
 * an internal address, with several addresses of which one is internal, or differently at each query (DNS rebinding).
 * Names without an answer go to the system resolver. Enabled by {@link DeliveryProfile}.
 */
@Alternative
@ApplicationScoped
public class FakeDns implements HostResolver {

    private final Map<String, List<InetAddress>> answers = new ConcurrentHashMap<>();

    /** From now on {@code host} resolves to {@code addresses} (address literals). */
    public void answer(String host, String... addresses) {
        answers.put(host.toLowerCase(Locale.ROOT), Arrays.stream(addresses).map(FakeDns::literal).toList());
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        List<InetAddress> answer = answers.get(host.toLowerCase(Locale.ROOT));
        return answer != null ? answer : List.of(InetAddress.getAllByName(host));
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }
}
