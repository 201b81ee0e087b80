package dev.knot.adapter.http;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * An HTTPS client that trusts any server, like Nomad's check with {@code tls_skip_verify}, and keeps the chain the
 * server presented so tests can look at it.
 */
final class TrustingClient {
    private final AtomicReference<List<X509Certificate>> presented = new AtomicReference<>(List.of());
    private final HttpClient client;

    /** A client offering the JDK's default protocol versions. */
    TrustingClient() {
        this(null);
    }

    /** A client offering only the given protocol versions, e.g. {@code TLSv1.2}; null for the JDK's defaults. */
    TrustingClient(String... protocols) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustEverything()}, null);
            SSLParameters parameters = context.getDefaultSSLParameters();
            if (protocols != null) {
                parameters.setProtocols(protocols);
            }
            client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .sslContext(context)
                    .sslParameters(parameters)
                    .build();
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException(unavailable);
        }
    }

    HttpResponse<String> get(URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The chain of the last server this client shook hands with. */
    List<X509Certificate> presentedChain() {
        return presented.get();
    }

    private final class TrustEverything extends X509ExtendedTrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            presented.set(List.of(chain));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            presented.set(List.of(chain));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            presented.set(List.of(chain));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            throw new UnsupportedOperationException("a client");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            throw new UnsupportedOperationException("a client");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("a client");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
