package dev.knot.domain.space;

import static java.util.Objects.requireNonNull;

import dev.knot.domain.render.RenderContext;

/**
 * What spaces need to know of the server they are started from.
 *
 * @param location this server's location: spaces started here record it, and only this server stops them
 * @param server the {@code .server.*} values templates see
 * @param nomad the {@code .nomad.*} values templates see
 */
public record SpaceSettings(String location, RenderContext.ServerValues server, RenderContext.NomadValues nomad) {
    public SpaceSettings {
        requireNonNull(location, "location is null");
        requireNonNull(server, "server is null");
        requireNonNull(nomad, "nomad is null");
    }

    /** From the server's settings as configured, derived as the original did (see {@link RenderContext.ServerValues}). */
    public static SpaceSettings of(
            String url, String agentUrl, String wildcardDomain, String location, String nomadDc, String nomadRegion) {
        return new SpaceSettings(location, RenderContext.ServerValues.fromSettings(url, agentUrl, wildcardDomain,
                location), new RenderContext.NomadValues(nomadDc, nomadRegion));
    }
}
