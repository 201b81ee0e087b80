package dev.knot.app.config;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * server: everything `knot server` reads. Optional values are the ones the original left empty by default. Keys that
 * later features use (tls, nomad, proxy, remote servers) are loaded and validated now so that a config file is
 * checked completely at startup.
 */
public record ServerSection(
        ListenAddress listen,
        URI url,
        Optional<String> wildcardDomain,
        Secret encrypt,
        Optional<String> downloadPath,
        Optional<URI> agentUrl,
        String location,
        boolean enableProxy,
        boolean terminalWebgl,
        Optional<String> htmlPath,
        Optional<String> templatePath,
        Optional<String> agentPath,
        Optional<URI> coreServer,
        Secret remoteToken,
        List<String> trustedProxies,
        AuthSection auth,
        TlsSection tls,
        NomadSection nomad,
        StorageConfig storage) {
    public ServerSection {
        requireNonNull(listen, "listen is null");
        requireNonNull(url, "url is null");
        requireNonNull(wildcardDomain, "wildcardDomain is null");
        requireNonNull(encrypt, "encrypt is null");
        requireNonNull(downloadPath, "downloadPath is null");
        requireNonNull(agentUrl, "agentUrl is null");
        requireNonNull(location, "location is null");
        requireNonNull(htmlPath, "htmlPath is null");
        requireNonNull(templatePath, "templatePath is null");
        requireNonNull(agentPath, "agentPath is null");
        requireNonNull(coreServer, "coreServer is null");
        requireNonNull(remoteToken, "remoteToken is null");
        trustedProxies = List.copyOf(requireNonNull(trustedProxies, "trustedProxies is null"));
        requireNonNull(auth, "auth is null");
        requireNonNull(tls, "tls is null");
        requireNonNull(nomad, "nomad is null");
        requireNonNull(storage, "storage is null");
    }

    /** A remote server of a core server (§9 of the reference): both core_server and remote_token are set. */
    public boolean isRemote() {
        return coreServer.isPresent() && !remoteToken.isEmpty();
    }

    /** A core server that remotes register with: remote_token set, no core_server. */
    public boolean isCore() {
        return coreServer.isEmpty() && !remoteToken.isEmpty();
    }
}
