package dev.knot.domain.volume;

import static dev.knot.domain.TestErrors.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.model.CsiVolumeSpec;
import dev.knot.ports.model.ErrorCode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VolumeDefinitionsTest {
    @Test
    void everyFieldOfTheOriginalsVolumeYamlIsRead() {
        List<CsiVolumeSpec> volumes = VolumeDefinitions.parse("volumes", """
                ---
                # a comment
                volumes:
                - id: "home-1"   # the id
                  name: 'Home # one'
                  namespace: team
                  plugin_id: hostpath
                  type: csi
                  mount_options:
                    fs_type: ext4
                    mount_flags: [noatime, "nodev"]
                  capacity_min: 1G
                  capacity_max: 2048M
                  capabilities:
                    - access_mode: single-node-writer
                      attachment_mode: file-system
                  secrets: {token: "a:b"}
                  parameters:
                    size: large, really
                  unknown_key: ignored
                - id: bare
                """);

        assertThat(volumes).hasSize(2);
        CsiVolumeSpec home = volumes.get(0);
        assertThat(home.id()).isEqualTo("home-1");
        assertThat(home.name()).isEqualTo("Home # one");
        assertThat(home.namespace()).isEqualTo("team");
        assertThat(home.pluginId()).isEqualTo("hostpath");
        assertThat(home.fsType()).isEqualTo("ext4");
        assertThat(home.mountFlags()).containsExactly("noatime", "nodev");
        assertThat(home.capacityMin()).isEqualTo(1L << 30);
        assertThat(home.capacityMax()).isEqualTo(2048L << 20);
        assertThat(home.capabilities()).containsExactly(
                new CsiVolumeSpec.Capability("single-node-writer", "file-system"));
        assertThat(home.secrets()).isEqualTo(Map.of("token", "a:b"));
        assertThat(home.parameters()).isEqualTo(Map.of("size", "large, really"));
        CsiVolumeSpec bare = volumes.get(1);
        assertThat(bare.name()).isEqualTo("bare");
        assertThat(bare.namespace()).isEqualTo("default");
        assertThat(bare.type()).isEqualTo("csi");
        assertThat(bare.capacityMin()).isZero();
    }

    @Test
    void sizesCountInWholeGbAtLeastOneAndChosenSizesSetBothCapacities() {
        CsiVolumeSpec volume = VolumeDefinitions.parse("v", "volumes:\n  - id: a\n    capacity_min: 1025M\n").get(0);

        assertThat(VolumeDefinitions.sizeGb(volume)).isEqualTo(2);
        CsiVolumeSpec sized = VolumeDefinitions.withSize(volume, 5);
        assertThat(sized.capacityMin()).isEqualTo(5L << 30);
        assertThat(sized.capacityMax()).isEqualTo(5L << 30);
        assertThat(VolumeDefinitions.sizeGb(VolumeDefinitions.parse("v", "volumes:\n  - id: b\n").get(0))).isZero();
        assertThat(VolumeDefinitions.sizeGb(VolumeDefinitions.parse("v",
                "volumes:\n  - id: c\n    capacity_min: 10\n").get(0))).isEqualTo(1);
    }

    @Test
    void anEmptyDefinitionHoldsNoVolumes() {
        assertThat(VolumeDefinitions.parse("v", "")).isEmpty();
        assertThat(VolumeDefinitions.parse("v", "volumes: []\n")).isEmpty();
    }

    @Test
    void malformedDefinitionsAreInvalidWithTheLine() {
        assertCode(() -> VolumeDefinitions.parse("v", "volumes:\n  - id: a\n    capacity_min: lots\n"),
                ErrorCode.INVALID_ARGUMENT);
        assertCode(() -> VolumeDefinitions.parse("v", "volumes:\n  - name: no id\n"), ErrorCode.INVALID_ARGUMENT);
        assertCode(() -> VolumeDefinitions.parse("v", "volumes: &anchor\n"), ErrorCode.INVALID_ARGUMENT);
        assertCode(() -> VolumeDefinitions.parse("v", "volumes:\n\t- id: a\n"), ErrorCode.INVALID_ARGUMENT);
        assertCode(() -> VolumeDefinitions.parse("v", "volumes:\n  - id: 'open\n"), ErrorCode.INVALID_ARGUMENT);
        assertCode(() -> VolumeDefinitions.parse("v", "volumes: just text\n"), ErrorCode.INVALID_ARGUMENT);
    }
}
