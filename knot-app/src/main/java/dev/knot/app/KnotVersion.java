package dev.knot.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The build's version, written into version.properties by Maven resource filtering. */
public final class KnotVersion {
    private KnotVersion() {}

    public static String get() {
        try (InputStream in = KnotVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read the bundled version.properties", unreadable);
        }
    }
}
