package dev.knot.adapter.nomad;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.apache.http.conn.ssl.DefaultHostnameVerifier;
import org.apache.http.conn.ssl.NoopHostnameVerifier;

/**
 * The https side of {@link NomadConfig}: which certificates to trust and which host names to accept. Built here
 * because handing the SDK our own HTTP client (the only way to get timeouts) drops the SDK's TLS settings.
 */
final class NomadTls {
    /**
     * Nomad's own agent certificates name the role and region ("server.global.nomad") rather than the host the
     * API is reached at, so they are accepted as the Nomad CLI and SDK accept them.
     */
    private static final Pattern NOMAD_AGENT_NAME = Pattern.compile("^(server|client)\\.[^.]+\\.nomad$");
    private static final int SUBJECT_ALTERNATIVE_DNS_NAME = 2;

    private final SSLContext context;
    private final HostnameVerifier hostnameVerifier;

    private NomadTls(SSLContext context, HostnameVerifier hostnameVerifier) {
        this.context = context;
        this.hostnameVerifier = hostnameVerifier;
    }

    static NomadTls of(NomadConfig config) {
        try {
            if (config.tlsSkipVerify()) {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new TrustManager[] {new TrustEverything()}, new SecureRandom());
                return new NomadTls(context, NoopHostnameVerifier.INSTANCE);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            TrustManager[] trust = config.tlsCaFile().isPresent()
                    ? trustOnly(config.tlsCaFile().get())
                    : null;
            context.init(null, trust, new SecureRandom());
            return new NomadTls(context, new NomadHostnameVerifier());
        } catch (GeneralSecurityException failure) {
            throw new KnotException(ErrorCode.INTERNAL,
                    "cannot set up TLS for Nomad: " + failure.getMessage(), failure);
        }
    }

    SSLContext context() {
        return context;
    }

    HostnameVerifier hostnameVerifier() {
        return hostnameVerifier;
    }

    private static TrustManager[] trustOnly(Path caFile) throws GeneralSecurityException {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(caFile)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException | GeneralSecurityException failure) {
            throw new KnotException(ErrorCode.INVALID_ARGUMENT,
                    "server.nomad: cannot read the CA file " + caFile + ": " + failure.getMessage(), failure);
        }
        if (certificates.isEmpty()) {
            throw new KnotException(ErrorCode.INVALID_ARGUMENT,
                    "server.nomad: the CA file " + caFile + " holds no PEM certificate");
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (IOException impossible) {
            throw new GeneralSecurityException("cannot create an empty key store", impossible);
        }
        int index = 0;
        for (Certificate certificate : certificates) {
            store.setCertificateEntry("nomad-ca-" + index++, certificate);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    /** The usual host name check, plus Nomad's role-and-region names. */
    private static final class NomadHostnameVerifier implements HostnameVerifier {
        private final HostnameVerifier standard = new DefaultHostnameVerifier();

        @Override
        public boolean verify(String host, SSLSession session) {
            return standard.verify(host, session) || namesNomadAgent(session);
        }

        private static boolean namesNomadAgent(SSLSession session) {
            try {
                Certificate[] chain = session.getPeerCertificates();
                if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)
                        || leaf.getSubjectAlternativeNames() == null) {
                    return false;
                }
                for (List<?> name : leaf.getSubjectAlternativeNames()) {
                    if (name.size() == 2 && Integer.valueOf(SUBJECT_ALTERNATIVE_DNS_NAME).equals(name.get(0))
                            && name.get(1) instanceof String dns && NOMAD_AGENT_NAME.matcher(dns).matches()) {
                        return true;
                    }
                }
                return false;
            } catch (SSLPeerUnverifiedException | CertificateParsingException unreadable) {
                return false;
            }
        }
    }

    /** For {@code tlsSkipVerify}: test clusters with throw-away certificates. */
    private static final class TrustEverything implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // Trusting every certificate is what skip-verify asks for.
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // Trusting every certificate is what skip-verify asks for.
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
