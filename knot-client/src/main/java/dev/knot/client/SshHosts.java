package dev.knot.client;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Finds the spaces `knot ssh-config update` writes entries for: the caller's own that are running and serve SSH. */
public final class SshHosts {
    private final KnotApi api;
    private final PrintWriter out;

    /** @param out where skipped spaces are reported */
    public SshHosts(KnotApi api, PrintWriter out) {
        this.api = requireNonNull(api, "api is null");
        this.out = requireNonNull(out, "out is null");
    }

    /** The names, in the server's order. */
    public List<String> runningWithSsh(String token) {
        RemoteUser me = api.whoami(token);
        List<String> names = new ArrayList<>();
        for (RemoteSpace space : api.spaces(token, me.userId())) {
            RemoteServiceState state = api.serviceState(token, space.spaceId());
            if (!state.running() || !state.hasSsh()) {
                continue;
            }
            if (!SshConfigFile.SAFE_NAME.matcher(space.name()).matches()) {
                // A name is copied into an ssh config line and a shell command: anything unusual stays out.
                out.println("Skipped a space whose name cannot go into an ssh config safely: " + printable(space.name()));
                out.flush();
                continue;
            }
            names.add(space.name());
        }
        return names;
    }

    private static String printable(String name) {
        StringBuilder shown = new StringBuilder("\"");
        name.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.append(Character.toChars(c));
            }
        });
        return shown.append('"').toString();
    }
}
