package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Offers the server's one key and chain for every handshake, as Go's {@code tls.Config} with one certificate does. A
 * key store would do the same but insists that each certificate of the chain names the next as its issuer, which Go
 * does not ask of the operator's file. The TLS engine itself passes over the key for a key type it is not.
 */
final class SingleKeyManager extends X509ExtendedKeyManager {
    private static final String ALIAS = "knot";

    private final ServerCredentials credentials;

    SingleKeyManager(ServerCredentials credentials) {
        this.credentials = requireNonNull(credentials, "credentials is null");
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return ALIAS;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return ALIAS;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return new String[] {ALIAS};
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return ALIAS.equals(alias) ? credentials.chain().toArray(new X509Certificate[0]) : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return ALIAS.equals(alias) ? credentials.privateKey() : null;
    }

    /** The server presents no client certificate. */
    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }
}
