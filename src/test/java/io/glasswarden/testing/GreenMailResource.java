package io.glasswarden.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.function.Consumer;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real SMTP server (GreenMail) on a free port, with the mailer pointed at it and its mock switched off. Tests can
 * stop and restart it on the same port to simulate an SMTP outage.
 */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {

    private static GreenMail greenMail;
    private static int port;
    private static volatile Consumer<String> accepted;

    @Override
    public synchronized Map<String, String> start() {
        port = freePort();
        startServer();
        return Map.of(
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(port),
                "quarkus.mailer.tls", "false",
                "quarkus.mailer.start-tls", "DISABLED",
                "quarkus.mailer.from", "glasswarden@test.local");
    }

    public static GreenMail greenMail() {
        return greenMail;
    }

    /** Simulates an SMTP outage: connections are refused until {@link #restart()}. */
    public static synchronized void stopServer() {
        greenMail.stop();
    }

    /**
     * Simulates an SMTP server that accepts connections but never answers, on the SMTP port (stop the server first);
     * closing the returned socket ends it.
     */
    public static synchronized ServerSocket silentServer() {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress("127.0.0.1", port));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs {@code hook} with the recipient each time the server has taken a message, before it answers the client
     * ("250 OK"): a test can make the sender fail at that very moment. {@code null} removes it.
     */
    public static synchronized void onAccepted(Consumer<String> hook) {
        accepted = hook;
    }

    /** Brings SMTP back on the same port, with an empty mailbox. */
    public static synchronized void restart() {
        startServer();
    }

    private static void startServer() {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        UserManager users = greenMail.getUserManager();
        MessageDeliveryHandler delivery = users.getMessageDeliveryHandler();
        users.setMessageDeliveryHandler((message, address) -> {
            GreenMailUser user = delivery.handle(message, address);
            Consumer<String> hook = accepted;
            if (hook != null) {
                hook.accept(address.getEmail());
            }
            return user;
        });
    }

    @Override
    public synchronized void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
