package dev.knot.domain.render;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values a template can use, named as in the original knot: {@code .space.*}, {@code .template.*},
 * {@code .user.*} (the space's owner), {@code .server.*}, {@code .nomad.*} and {@code .var.<name>}.
 *
 * @param variables template variables by name, already filtered to this server's location and decrypted. A value is
 *     a String, or a List of Strings for {@code range}: a String is never split into a list, however it looks
 */
public record RenderContext(
        SpaceValues space,
        TemplateValues template,
        UserValues user,
        ServerValues server,
        NomadValues nomad,
        Map<String, Object> variables) {
    /** The fields of every root but {@code .var}, in the order messages list them. */
    static final Map<String, List<String>> FIELDS = Map.of(
            "space", List.of("id", "name"),
            "template", List.of("id", "name"),
            "user", List.of("id", "username", "timezone", "email", "service_password"),
            "server", List.of("url", "agent_url", "wildcard_domain", "location"),
            "nomad", List.of("dc", "region"));

    public RenderContext {
        requireNonNull(space, "space is null");
        requireNonNull(template, "template is null");
        requireNonNull(user, "user is null");
        requireNonNull(server, "server is null");
        requireNonNull(nomad, "nomad is null");
        requireNonNull(variables, "variables is null");
        Map<String, Object> copy = new LinkedHashMap<>();
        variables.forEach((name, value) -> copy.put(name, immutableValue(name, value)));
        variables = Map.copyOf(copy);
    }

    /** @param id "" and name "" when there is no space, e.g. for a volume made for a user */
    public record SpaceValues(String id, String name) {
        public static final SpaceValues NONE = new SpaceValues("", "");

        public SpaceValues {
            requireNonNull(id, "id is null");
            requireNonNull(name, "name is null");
        }
    }

    public record TemplateValues(String id, String name) {
        public TemplateValues {
            requireNonNull(id, "id is null");
            requireNonNull(name, "name is null");
        }
    }

    /** The space's owner; {@code servicePassword} in plain text (templates hand it to VNC and the like). */
    public record UserValues(String id, String username, String timezone, String email, String servicePassword) {
        public UserValues {
            requireNonNull(id, "id is null");
            requireNonNull(username, "username is null");
            requireNonNull(timezone, "timezone is null");
            requireNonNull(email, "email is null");
            requireNonNull(servicePassword, "servicePassword is null");
        }

        /** The password is left out: a context may be logged or shown in a failure, a secret never is. */
        @Override
        public String toString() {
            return "UserValues[id=" + id + ", username=" + username + "]";
        }
    }

    public record ServerValues(String url, String agentUrl, String wildcardDomain, String location) {
        public ServerValues {
            requireNonNull(url, "url is null");
            requireNonNull(agentUrl, "agentUrl is null");
            requireNonNull(wildcardDomain, "wildcardDomain is null");
            requireNonNull(location, "location is null");
        }

        /**
         * The values from the server's settings, derived as the original did: {@code agent_url} falls back to
         * {@code url} when empty, and {@code wildcard_domain} loses its leading {@code *}
         * ({@code *.knot.example.com} → {@code .knot.example.com}).
         */
        public static ServerValues fromSettings(String url, String agentUrl, String wildcardDomain, String location) {
            requireNonNull(url, "url is null");
            requireNonNull(agentUrl, "agentUrl is null");
            requireNonNull(wildcardDomain, "wildcardDomain is null");
            return new ServerValues(url, agentUrl.isEmpty() ? url : agentUrl,
                    wildcardDomain.startsWith("*") ? wildcardDomain.substring(1) : wildcardDomain, location);
        }
    }

    /** The server process's {@code NOMAD_DC} and {@code NOMAD_REGION} environment variables ("" when unset). */
    public record NomadValues(String dc, String region) {
        public NomadValues {
            requireNonNull(dc, "dc is null");
            requireNonNull(region, "region is null");
        }
    }

    /** Variable values are left out, as some are secrets. */
    @Override
    public String toString() {
        return "RenderContext[space=" + space + ", template=" + template + ", user=" + user + ", server=" + server
                + ", nomad=" + nomad + ", variables=" + variables.keySet() + "]";
    }

    /** The data tree the template walks, keyed as {@link #FIELDS} says. */
    Map<String, Object> asData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("space", Map.of("id", space.id(), "name", space.name()));
        data.put("template", Map.of("id", template.id(), "name", template.name()));
        data.put("user", Map.of("id", user.id(), "username", user.username(), "timezone", user.timezone(),
                "email", user.email(), "service_password", user.servicePassword()));
        data.put("server", Map.of("url", server.url(), "agent_url", server.agentUrl(),
                "wildcard_domain", server.wildcardDomain(), "location", server.location()));
        data.put("nomad", Map.of("dc", nomad.dc(), "region", nomad.region()));
        data.put("var", variables);
        return data;
    }

    private static Object immutableValue(String name, Object value) {
        if (value instanceof String) {
            return value;
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return List.copyOf(list);
        }
        throw new IllegalArgumentException("variable " + name + " must be a String or a List of Strings");
    }
}
