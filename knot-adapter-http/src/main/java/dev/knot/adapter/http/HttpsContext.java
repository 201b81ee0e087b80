package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTPS side of the listener: the TLS context holding the server's key and certificate chain, and the protocol
 * versions it speaks. Cipher suites are the JDK's defaults, which hold nothing weak.
 *
 * @param sslContext the context the listener's TLS engines come from
 * @param protocols the enabled protocol versions: the JDK's defaults without SSL 3, TLS 1.0 and TLS 1.1
 */
record HttpsContext(SSLContext sslContext, List<String> protocols) {
    private static final Logger LOG = LoggerFactory.getLogger(HttpsContext.class);

    /** Deprecated by RFC 8996; Java 17 already disables them, and this keeps them off if a JDK is set otherwise. */
    private static final Set<String> OBSOLETE_PROTOCOLS = Set.of("SSLv2Hello", "SSLv3", "TLSv1", "TLSv1.1");

    HttpsContext {
        requireNonNull(sslContext, "sslContext is null");
        protocols = List.copyOf(requireNonNull(protocols, "protocols is null"));
        if (protocols.isEmpty()) {
            throw new IllegalArgumentException("no TLS protocol version is enabled");
        }
    }

    /**
     * The HTTPS context the config asks for, or none for plain HTTP. Reads the certificate files or makes the
     * self-signed certificate now, so a bad file stops the server before anything listens.
     *
     * @throws KnotException INVALID_ARGUMENT naming a certificate or key file that cannot be used
     */
    static Optional<HttpsContext> forConfig(HttpTlsConfig tls) {
        requireNonNull(tls, "tls is null");
        if (tls instanceof HttpTlsConfig.PemFiles files) {
            ServerCredentials credentials = PemCredentials.read(files.certificateChainFile(), files.privateKeyFile());
            warnUnlessValidNow(credentials.certificate(), files);
            LOG.info("serving HTTPS with the certificate in {} ({})",
                    files.certificateChainFile(), credentials.certificate().getSubjectX500Principal().getName());
            return Optional.of(of(credentials));
        }
        if (tls instanceof HttpTlsConfig.SelfSigned names) {
            Instant now = Instant.now();
            ServerCredentials credentials = SelfSignedCertificate.generate(names, now);
            LOG.info("serving HTTPS with a self-signed certificate (ECDSA P-256, valid until {}, SHA-256 fingerprint {})"
                            + " for {}; clients must skip verification or trust it explicitly",
                    now.plus(SelfSignedCertificate.VALIDITY), fingerprint(credentials.certificate()), coveredNames(names));
            return Optional.of(of(credentials));
        }
        return Optional.empty();
    }

    /** The context serving these credentials. */
    static HttpsContext of(ServerCredentials credentials) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {new SingleKeyManager(credentials)}, null, null);
            return new HttpsContext(context, modern(context.getDefaultSSLParameters().getProtocols()));
        } catch (GeneralSecurityException unavailable) {
            // Every Java 17 ships TLS; failing here means a broken JDK.
            throw new KnotException(ErrorCode.INTERNAL, "cannot set up TLS", unavailable);
        }
    }

    /** The given protocol versions without the obsolete ones, in their order. */
    static List<String> modern(String[] protocols) {
        return Arrays.stream(protocols).filter(protocol -> !OBSOLETE_PROTOCOLS.contains(protocol)).toList();
    }

    /** The SHA-256 fingerprint as browsers and {@code openssl x509 -fingerprint -sha256} show it. */
    static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException unavailable) {
            throw new KnotException(ErrorCode.INTERNAL, "cannot fingerprint the certificate", unavailable);
        }
    }

    private static List<String> coveredNames(HttpTlsConfig.SelfSigned names) {
        List<String> covered = new ArrayList<>(names.dnsNames());
        for (InetAddress address : names.ipAddresses()) {
            covered.add(address.getHostAddress());
        }
        return covered;
    }

    /** The original serves an expired certificate without a word; knot serves it too, but says why clients fail. */
    private static void warnUnlessValidNow(X509Certificate certificate, HttpTlsConfig.PemFiles files) {
        try {
            certificate.checkValidity();
        } catch (CertificateExpiredException expired) {
            LOG.warn("the certificate in {} has expired: clients that verify it will refuse to connect",
                    files.certificateChainFile());
        } catch (CertificateNotYetValidException early) {
            LOG.warn("the certificate in {} is not valid yet: clients that verify it will refuse to connect",
                    files.certificateChainFile());
        }
    }
}
