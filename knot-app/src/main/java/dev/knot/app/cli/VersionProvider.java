package dev.knot.app.cli;

import dev.knot.app.KnotVersion;
import picocli.CommandLine.IVersionProvider;

/** --version on every command. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {KnotVersion.get()};
    }
}
