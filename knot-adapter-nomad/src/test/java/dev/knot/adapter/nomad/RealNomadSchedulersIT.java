package dev.knot.adapter.nomad;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The contract against a real Nomad, opt-in: {@code NOMAD_ADDR} (and {@code NOMAD_TOKEN}, {@code NOMAD_NAMESPACE},
 * {@code NOMAD_CACERT}, {@code NOMAD_SKIP_VERIFY}, {@code NOMAD_IT_CSI_PLUGIN} as needed). The Nomad client must
 * have the raw_exec driver enabled. Without NOMAD_ADDR every test reports itself skipped. See docs/nomad.md.
 */
class RealNomadSchedulersIT extends NomadSchedulersContract {
    private static final Map<String, String> ENVIRONMENT = System.getenv();

    @Override
    protected NomadConfig config() {
        // Checked per test (config() runs before each), so every test reports itself skipped with the reason.
        assumeTrue(!ENVIRONMENT.getOrDefault("NOMAD_ADDR", "").isBlank(),
                "no real Nomad: set NOMAD_ADDR (and NOMAD_TOKEN if ACLs are on) to run these tests against one");
        return NomadConfig.of(URI.create(ENVIRONMENT.get("NOMAD_ADDR")), ENVIRONMENT.getOrDefault("NOMAD_TOKEN", ""))
                .withNamespace(ENVIRONMENT.getOrDefault("NOMAD_NAMESPACE", NomadConfig.DEFAULT_NAMESPACE))
                .withTls(Optional.ofNullable(ENVIRONMENT.get("NOMAD_CACERT")).filter(path -> !path.isBlank())
                                .map(Path::of),
                        Boolean.parseBoolean(ENVIRONMENT.getOrDefault("NOMAD_SKIP_VERIFY", "false")));
    }

    @Override
    protected boolean tasksRunHere() {
        try {
            return InetAddress.getByName(URI.create(ENVIRONMENT.get("NOMAD_ADDR")).getHost()).isLoopbackAddress();
        } catch (UnknownHostException unknown) {
            return false;
        }
    }

    @Override
    protected Optional<String> csiPluginId() {
        return Optional.ofNullable(ENVIRONMENT.get("NOMAD_IT_CSI_PLUGIN")).filter(plugin -> !plugin.isBlank());
    }
}
