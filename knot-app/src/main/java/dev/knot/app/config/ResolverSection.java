package dev.knot.app.config;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/** resolver: name servers for SRV lookups, globally and per domain suffix. Empty means the system resolver. */
public record ResolverSection(List<String> nameservers, Map<String, List<String>> domains) {
    public ResolverSection {
        nameservers = List.copyOf(requireNonNull(nameservers, "nameservers is null"));
        domains = Map.copyOf(requireNonNull(domains, "domains is null"));
    }
}
