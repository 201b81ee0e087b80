package dev.knot.agent;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A TLS context that accepts any certificate for any host name. Used only where checking cannot work or was
 * switched off on purpose: agent→server calls with tls_skip_verify, and the space's own https ports on 127.0.0.1,
 * whose certificates are self-made as a rule (the original skipped verification there too).
 *
 * <p>It is an X509ExtendedTrustManager on purpose: the JDK wraps a plain X509TrustManager in one that still checks
 * the host name whenever the client asks for it (Java's HttpClient and Undertow's client both do), so "trust
 * everything" would still refuse a certificate issued for another name.
 */
final class TrustingEverything {
    private TrustingEverything() {}

    static SSLContext sslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new AcceptingAll()}, new SecureRandom());
            return context;
        }
        catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("TLS is not available", unavailable);
        }
    }

    // Every check passes: verification is off on purpose (see the class comment).
    private static final class AcceptingAll extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // accepted
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // accepted
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // accepted
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // accepted
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // accepted
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // accepted
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
