package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What the HTTPS listener presents: its private key and certificate chain, the key's own certificate first.
 *
 * @param privateKey the key of the first certificate; never logged
 * @param chain the certificate chain, at least one certificate
 */
record ServerCredentials(PrivateKey privateKey, List<X509Certificate> chain) {
    ServerCredentials {
        requireNonNull(privateKey, "privateKey is null");
        chain = List.copyOf(requireNonNull(chain, "chain is null"));
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("chain is empty");
        }
    }

    X509Certificate certificate() {
        return chain.get(0);
    }
}
