package io.glasswarden.notifications;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Name resolution for webhook targets; tests replace it to model DNS rebinding. */
public interface HostResolver {

    /** Every address the name resolves to now (an IP literal resolves to itself). */
    List<InetAddress> resolve(String host) throws UnknownHostException;
}
