package io.glasswarden.directory.graph;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/** Key pairs generated at test time with keytool (nothing committed). */
final class TestCertificates {

    static final String PASSWORD = "changeit";

    private TestCertificates() {
    }

    /** A PKCS#12 file with one RSA key and its self-signed certificate for localhost. */
    static Path pkcs12(Path dir, String alias) throws Exception {
        Path file = dir.resolve(alias + ".p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", alias, "-keyalg", "RSA", "-keysize", "2048",
                "-validity", "2", "-dname", "CN=" + alias, "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype",
                "PKCS12", "-keystore", file.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        return file;
    }

    static KeyStore load(Path pkcs12) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(pkcs12)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    /** The same key and certificate as a PEM file (PKCS#8 key + certificate). */
    static Path pem(Path pkcs12, String alias, boolean pkcs1) throws Exception {
        KeyStore store = load(pkcs12);
        PrivateKey key = (PrivateKey) store.getKey(alias, PASSWORD.toCharArray());
        Certificate cert = store.getCertificate(alias);
        Base64.Encoder b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        String keyBlock = pkcs1
                ? "-----BEGIN RSA PRIVATE KEY-----\n" + b64.encodeToString(pkcs8ToPkcs1(key.getEncoded()))
                        + "\n-----END RSA PRIVATE KEY-----\n"
                : "-----BEGIN PRIVATE KEY-----\n" + b64.encodeToString(key.getEncoded())
                        + "\n-----END PRIVATE KEY-----\n";
        String text = keyBlock + "-----BEGIN CERTIFICATE-----\n" + b64.encodeToString(cert.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        Path file = pkcs12.resolveSibling(alias + (pkcs1 ? "-pkcs1" : "") + ".pem");
        Files.writeString(file, text);
        return file;
    }

    /** The PKCS#1 key inside a PKCS#8 RSA key: the content of the trailing OCTET STRING. */
    private static byte[] pkcs8ToPkcs1(byte[] pkcs8) {
        // PrivateKeyInfo ::= SEQ { INTEGER 0, SEQ { OID, NULL }, OCTET STRING }; version+algorithm take 3 + 15 bytes
        int offset = headerLength(pkcs8, 0) + 3 + 15;
        int contentStart = offset + headerLength(pkcs8, offset);
        byte[] out = new byte[pkcs8.length - contentStart];
        System.arraycopy(pkcs8, contentStart, out, 0, out.length);
        return out;
    }

    private static int headerLength(byte[] der, int at) {
        int first = der[at + 1] & 0xff;
        return first < 0x80 ? 2 : 2 + (first & 0x7f);
    }

    /**
     * A PKCS#12 trust store (password {@value #PASSWORD}) holding only the certificate of {@code alias}, for a JVM that
     * must trust it ({@code -Djavax.net.ssl.trustStore}).
     */
    static Path trustStore(Path pkcs12, String alias, Path target) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry(alias, load(pkcs12).getCertificate(alias));
        try (OutputStream out = Files.newOutputStream(target)) {
            trust.store(out, PASSWORD.toCharArray());
        }
        return target;
    }

    static SSLSocketFactory trusting(Path pkcs12) throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(load(pkcs12));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context.getSocketFactory();
    }
}
