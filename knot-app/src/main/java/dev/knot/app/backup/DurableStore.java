package dev.knot.app.backup;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.out.GroupRepository;
import dev.knot.ports.out.SecretCipher;
import dev.knot.ports.out.SpaceRepository;
import dev.knot.ports.out.TemplateRepository;
import dev.knot.ports.out.TemplateVarRepository;
import dev.knot.ports.out.TokenRepository;
import dev.knot.ports.out.UserRepository;
import dev.knot.ports.out.VolumeRepository;

/**
 * The configured store's durable repositories (not the cache: sessions and agent state are not backed up), and the
 * cipher under the configured server.encrypt key, which tells whether a backup's secrets will be readable here.
 */
public record DurableStore(
        UserRepository users,
        GroupRepository groups,
        TemplateRepository templates,
        TemplateVarRepository templateVars,
        SpaceRepository spaces,
        VolumeRepository volumes,
        TokenRepository tokens,
        SecretCipher cipher) {
    public DurableStore {
        requireNonNull(users, "users is null");
        requireNonNull(groups, "groups is null");
        requireNonNull(templates, "templates is null");
        requireNonNull(templateVars, "templateVars is null");
        requireNonNull(spaces, "spaces is null");
        requireNonNull(volumes, "volumes is null");
        requireNonNull(tokens, "tokens is null");
        requireNonNull(cipher, "cipher is null");
    }
}
