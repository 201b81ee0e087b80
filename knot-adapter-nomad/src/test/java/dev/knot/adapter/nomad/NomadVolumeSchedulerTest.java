package dev.knot.adapter.nomad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.knot.ports.model.CsiVolumeSpec;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CSI create and delete against canned Nomad answers. */
class NomadVolumeSchedulerTest {
    private static final String TOKEN = "volume-token-9f8e";
    private static final CsiVolumeSpec VOLUME = new CsiVolumeSpec("home-space-1", "home", "dev", "hostpath",
            "csi", "ext4", List.of("noatime"), 1L << 30, 2L << 30,
            List.of(new CsiVolumeSpec.Capability("single-node-writer", "file-system")),
            Map.of("password", "volume-secret"), Map.of("tier", "fast"));

    private final StubNomad nomad = new StubNomad();
    private NomadConnection connection;
    private NomadVolumeScheduler volumes;

    @BeforeEach
    void setUp() {
        connection = new NomadConnection(NomadConfig.of(nomad.address(), TOKEN));
        connection.start();
        volumes = new NomadVolumeScheduler(new NomadCalls(connection));
    }

    @AfterEach
    void tearDown() {
        connection.close();
        nomad.close();
    }

    @Test
    void createSendsTheVolumeAsKnotDoesInItsNamespace() throws Exception {
        nomad.answer("GET /v1/volume/csi/home-space-1", 404, "volume not found")
                .answer("PUT /v1/volume/csi/home-space-1/create", 200, "{\"Volumes\":[],\"Warnings\":\"\",\"Index\":5}");

        volumes.createCsiVolume(VOLUME);

        assertThat(nomad.lines()).containsExactly("GET /v1/volume/csi/home-space-1?namespace=dev",
                "PUT /v1/volume/csi/home-space-1/create?namespace=dev");
        JsonNode sent = new ObjectMapper().readTree(nomad.requests().get(1).body()).get("Volumes").get(0);
        assertThat(sent).isEqualTo(new ObjectMapper().readTree("""
                {"ID":"home-space-1","Name":"home","Namespace":"dev","PluginID":"hostpath","Type":"csi",
                 "MountOptions":{"FsType":"ext4","MountFlags":["noatime"]},
                 "RequestedCapacityMin":1073741824,"RequestedCapacityMax":2147483648,
                 "RequestedCapabilities":[{"AccessMode":"single-node-writer","AttachmentMode":"file-system"}],
                 "Secrets":{"password":"volume-secret"},"Parameters":{"tier":"fast"}}"""));
        assertThat(nomad.requests()).allSatisfy(request ->
                assertThat(request.header("X-Nomad-Token")).containsExactly(TOKEN));
    }

    @Test
    void creatingAnExistingVolumeIsAlreadyExistsAndChangesNothing() {
        nomad.answer("GET /v1/volume/csi/home-space-1", 200, "{\"ID\":\"home-space-1\",\"Namespace\":\"dev\"}");

        assertThatThrownBy(() -> volumes.createCsiVolume(VOLUME))
                .isInstanceOfSatisfying(KnotException.class,
                        failure -> assertThat(failure.code()).isEqualTo(ErrorCode.ALREADY_EXISTS))
                .hasMessage("CSI volume home-space-1 already exists in Nomad (namespace dev)");
        assertThat(nomad.lines()).as("no create: Nomad would quietly update the volume")
                .containsExactly("GET /v1/volume/csi/home-space-1?namespace=dev");
    }

    @Test
    void aVolumeNomadCannotCreateIsAnInvalidArgument() {
        nomad.answer("GET /v1/volume/csi/home-space-1", 404, "volume not found")
                .answer("PUT /v1/volume/csi/home-space-1/create", 500, "no CSI plugin named: hostpath could be found");

        assertThatThrownBy(() -> volumes.createCsiVolume(VOLUME))
                .isInstanceOfSatisfying(KnotException.class,
                        failure -> assertThat(failure.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessage("Nomad rejected the volume: no CSI plugin named: hostpath could be found");
    }

    @Test
    void aControllerOutageIsSchedulerUnavailable() {
        nomad.answer("GET /v1/volume/csi/home-space-1", 404, "volume not found")
                .answer("PUT /v1/volume/csi/home-space-1/create", 500, "no healthy controllers for CSI plugin: x");

        assertThatThrownBy(() -> volumes.createCsiVolume(VOLUME))
                .isInstanceOfSatisfying(KnotException.class,
                        failure -> assertThat(failure.code()).isEqualTo(ErrorCode.SCHEDULER_UNAVAILABLE));
    }

    @Test
    void aDroppedCreateIsNotRetried() {
        nomad.answer("GET /v1/volume/csi/home-space-1", 404, "volume not found")
                .drop("PUT /v1/volume/csi/home-space-1/create");

        assertThatThrownBy(() -> volumes.createCsiVolume(VOLUME))
                .isInstanceOfSatisfying(KnotException.class,
                        failure -> assertThat(failure.code()).isEqualTo(ErrorCode.SCHEDULER_UNAVAILABLE));
        assertThat(nomad.lines()).filteredOn(line -> line.startsWith("PUT")).hasSize(1);
    }

    @Test
    void deleteCallsNomadsDeleteInTheNamespace() {
        nomad.answer("DELETE /v1/volume/csi/home-space-1/delete", 200, "");

        volumes.deleteCsiVolume("dev", "home-space-1");

        assertThat(nomad.lines()).containsExactly("DELETE /v1/volume/csi/home-space-1/delete?namespace=dev");
    }

    @Test
    void deletingAMissingVolumeIsFineWhetherNomadSays404Or500() {
        nomad.answer("DELETE /v1/volume/csi/gone-1/delete", 500, "volume not found: gone-1")
                .answer("DELETE /v1/volume/csi/gone-2/delete", 404, "volume not found");

        volumes.deleteCsiVolume("dev", "gone-1");
        volumes.deleteCsiVolume("dev", "gone-2");

        assertThat(nomad.requests()).hasSize(2);
    }

    @Test
    void aVolumeInUseIsSchedulerUnavailableWithNomadsText() {
        nomad.answer("DELETE /v1/volume/csi/home-space-1/delete", 500, "volume in use: home-space-1");

        assertThatThrownBy(() -> volumes.deleteCsiVolume("dev", "home-space-1"))
                .isInstanceOfSatisfying(KnotException.class,
                        failure -> assertThat(failure.code()).isEqualTo(ErrorCode.SCHEDULER_UNAVAILABLE))
                .hasMessage("Nomad is unavailable at " + nomad.address() + ": 500 volume in use: home-space-1");
    }

    @Test
    void forbiddenDeleteIsPermissionDenied() {
        nomad.answer("DELETE /v1/volume/csi/home-space-1/delete", 403, "Permission denied");

        assertThatThrownBy(() -> volumes.deleteCsiVolume("team-b", "home-space-1"))
                .isInstanceOfSatisfying(KnotException.class,
                        failure -> assertThat(failure.code()).isEqualTo(ErrorCode.PERMISSION_DENIED))
                .hasMessage("the Nomad token lacks permission for deleting CSI volumes (namespace team-b):"
                        + " Permission denied");
    }
}
