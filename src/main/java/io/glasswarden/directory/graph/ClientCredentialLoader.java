package io.glasswarden.directory.graph;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.IClientCredential;

/** Turns the configured credential into an MSAL credential: secret, PEM or PKCS#12 certificate, federated token file. */
final class ClientCredentialLoader {

    private static final Pattern PEM_BLOCK = Pattern
            .compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private ClientCredentialLoader() {
    }

    static IClientCredential load(GraphSettings.Credential credential) {
        if (credential instanceof GraphSettings.Secret secret) {
            return ClientCredentialFactory.createFromSecret(secret.secret());
        }
        if (credential instanceof GraphSettings.FederatedTokenFile file) {
            // MSAL calls back for every token network request: kubelet rotates the projected token in place.
            return ClientCredentialFactory.createFromCallback(() -> Files.readString(file.path()).trim());
        }
        GraphSettings.Certificate certificate = (GraphSettings.Certificate) credential;
        try {
            byte[] bytes = Files.readAllBytes(certificate.path());
            String text = new String(bytes, StandardCharsets.US_ASCII);
            if (text.contains("-----BEGIN")) {
                return fromPem(text);
            }
            try (InputStream in = new ByteArrayInputStream(bytes)) {
                return ClientCredentialFactory.createFromCertificate(in, certificate.password());
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the certificate " + certificate.path() + ": "
                    + e.getClass().getSimpleName(), e);
        }
    }

    private static IClientCredential fromPem(String text) throws GeneralSecurityException {
        PrivateKey key = null;
        List<X509Certificate> chain = new ArrayList<>();
        CertificateFactory certificates = CertificateFactory.getInstance("X.509");
        Matcher m = PEM_BLOCK.matcher(text);
        while (m.find()) {
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            switch (m.group(1)) {
                case "PRIVATE KEY" -> key = rsaKey(der);
                case "RSA PRIVATE KEY" -> key = rsaKey(pkcs1ToPkcs8(der));
                case "CERTIFICATE" -> chain.add(
                        (X509Certificate) certificates.generateCertificate(new ByteArrayInputStream(der)));
                default -> {
                    // other blocks (e.g. parameters) are not needed
                }
            }
        }
        if (key == null || chain.isEmpty()) {
            throw new GeneralSecurityException("the PEM file needs an unencrypted RSA private key and a certificate");
        }
        return ClientCredentialFactory.createFromCertificateChain(key, chain);
    }

    private static PrivateKey rsaKey(byte[] pkcs8) throws GeneralSecurityException {
        // MSAL signs assertions with SHA256withRSA: RSA keys only.
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    /** Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo (version 0, rsaEncryption, NULL). */
    static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
        byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01,
                0x01, 0x01, 0x05, 0x00};
        byte[] version = {0x02, 0x01, 0x00};
        byte[] octets = der(0x04, pkcs1);
        byte[] body = new byte[version.length + algorithm.length + octets.length];
        System.arraycopy(version, 0, body, 0, version.length);
        System.arraycopy(algorithm, 0, body, version.length, algorithm.length);
        System.arraycopy(octets, 0, body, version.length + algorithm.length, octets.length);
        return der(0x30, body);
    }

    private static byte[] der(int tag, byte[] content) {
        int n = content.length;
        byte[] length = n < 0x80
                ? new byte[]{(byte) n}
                : n < 0x100
                        ? new byte[]{(byte) 0x81, (byte) n}
                        : n < 0x10000
                                ? new byte[]{(byte) 0x82, (byte) (n >> 8), (byte) n}
                                : new byte[]{(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
        byte[] out = new byte[1 + length.length + n];
        out[0] = (byte) tag;
        System.arraycopy(length, 0, out, 1, length.length);
        System.arraycopy(content, 0, out, 1 + length.length, n);
        return out;
    }
}
