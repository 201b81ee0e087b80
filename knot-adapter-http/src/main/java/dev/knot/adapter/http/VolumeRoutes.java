package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.in.VolumeUseCases;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.Permission;
import dev.knot.ports.model.Template;
import dev.knot.ports.model.User;
import dev.knot.ports.model.Volume;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;
import java.util.List;

/** Standalone CSI volumes, with the original's paths and JSON shapes; every route needs manage-volumes. */
final class VolumeRoutes implements RouteGroup {
    private static final String VOLUMES = ApiPaths.V1 + "/volumes";
    private static final String VOLUME = VOLUMES + "/{volume_id}";
    /** A definition may be 10 MB, as a template's volumes. */
    private static final long MAX_BODY_BYTES = LargeTextBody.limitFor(Template.MAXIMUM_TEXT_LENGTH);

    private final VolumeUseCases volumes;
    private final JsonCodec json;

    VolumeRoutes(VolumeUseCases volumes, JsonCodec json) {
        this.volumes = requireNonNull(volumes, "volumes is null");
        this.json = requireNonNull(json, "json is null");
    }

    record VolumeSummary(String volumeId, String name, boolean active, String location) {
        static VolumeSummary of(Volume volume) {
            return new VolumeSummary(volume.id().value(), volume.name(), volume.active(), volume.location());
        }
    }

    record VolumeList(int count, List<VolumeSummary> volumes) {}

    record VolumeReply(String name, String definition, String location, boolean active) {
        static VolumeReply of(Volume volume) {
            return new VolumeReply(volume.name(), volume.definition(), volume.location(), volume.active());
        }

        @Override
        public String toString() {
            return "VolumeReply[name=" + name + "]";
        }
    }

    record VolumeCreated(boolean status, String volumeId) {}

    record VolumeStarted(boolean status, String location) {}

    @Override
    public void addTo(RouteTable.Builder routes) {
        AccessRule manageVolumes = AccessRule.permission(Permission.MANAGE_VOLUMES);
        routes.get(VOLUMES).access(manageVolumes).onWorkerThread(this::list);
        routes.post(VOLUMES).access(manageVolumes).maxBodyBytes(MAX_BODY_BYTES).onWorkerThread(this::create);
        routes.get(VOLUME).access(manageVolumes).onWorkerThread(this::get);
        routes.put(VOLUME).access(manageVolumes).maxBodyBytes(MAX_BODY_BYTES).onWorkerThread(this::update);
        routes.delete(VOLUME).access(manageVolumes).onWorkerThread(this::delete);
        routes.post(VOLUME + "/start").access(manageVolumes).onWorkerThread(this::start);
        routes.post(VOLUME + "/stop").access(manageVolumes).onWorkerThread(this::stop);
    }

    private void list(HttpServerExchange exchange) {
        List<VolumeSummary> found = volumes.listVolumes(caller(exchange)).stream().map(VolumeSummary::of).toList();
        json.send(exchange, StatusCodes.OK, new VolumeList(found.size(), found));
    }

    private void create(HttpServerExchange exchange) throws Exception {
        VolumeRequest request = json.readBody(exchange, VolumeRequest.class);
        Volume created = volumes.createVolume(caller(exchange), request.toCreateCommand());
        json.send(exchange, StatusCodes.CREATED, new VolumeCreated(true, created.id().value()));
    }

    private void get(HttpServerExchange exchange) {
        json.send(exchange, StatusCodes.OK, VolumeReply.of(volumes.getVolume(caller(exchange), volumeId(exchange))));
    }

    private void update(HttpServerExchange exchange) throws Exception {
        User caller = caller(exchange);
        Id<Volume> volumeId = volumeId(exchange);
        VolumeRequest request = json.readBody(exchange, VolumeRequest.class);
        Volume current = volumes.getVolume(caller, volumeId);
        volumes.updateVolume(caller, volumeId, request.toUpdateCommand(current));
        json.send(exchange, StatusCodes.OK, StatusReply.OK);
    }

    private void delete(HttpServerExchange exchange) {
        volumes.deleteVolume(caller(exchange), volumeId(exchange));
        json.send(exchange, StatusCodes.OK, StatusReply.OK);
    }

    private void start(HttpServerExchange exchange) {
        Volume started = volumes.startVolume(caller(exchange), volumeId(exchange));
        json.send(exchange, StatusCodes.OK, new VolumeStarted(true, started.location()));
    }

    private void stop(HttpServerExchange exchange) {
        volumes.stopVolume(caller(exchange), volumeId(exchange));
        json.send(exchange, StatusCodes.OK, StatusReply.OK);
    }

    private static Id<Volume> volumeId(HttpServerExchange exchange) {
        return ApiPaths.id(exchange, "volume_id");
    }

    private static User caller(HttpServerExchange exchange) {
        return Caller.of(exchange).user();
    }
}
