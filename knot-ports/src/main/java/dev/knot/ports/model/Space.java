package dev.knot.ports.model;


import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A user's development environment, run as a Nomad job made from a template.
 *
 * @param name unique per user across names and alternative names, case-insensitively
 * @param agentUrl only for the Manual template: where its hand-installed agent listens; else ""
 * @param location the server location where it was last started; "" if never started
 * @param templateHash the template's hash when last deployed ("update available" when it differs)
 * @param volumeData the CSI volumes created for it, by volume id
 * @param volumeSizes sizes in GB the user chose, by template volume id
 * @param stateMessage why the space failed (Nomad's text), "" otherwise
 */
public record Space(
        Id<Space> id,
        Id<User> userId,
        Id<Template> templateId,
        String name,
        List<String> altNames,
        String agentUrl,
        Shell shell,
        String location,
        String templateHash,
        String nomadNamespace,
        String nomadJobId,
        Map<String, CsiVolumeRef> volumeData,
        Map<String, Long> volumeSizes,
        SpaceState state,
        String stateMessage,
        Instant createdAt,
        Instant updatedAt) {
    public Space {
        Checks.notNull("space_id", id);
        Checks.notNull("user_id", userId);
        Checks.notNull("template_id", templateId);
        Checks.name("name", name);
        altNames = List.copyOf(Checks.notNull("alt_names", altNames));
        altNames.forEach(altName -> Checks.name("alt_names", altName));
        Checks.length("agent_url", agentUrl, 0, 255);
        Checks.notNull("shell", shell);
        Checks.length("location", location, 0, 64);
        Checks.notNull("template_hash", templateHash);
        Checks.notNull("nomad_namespace", nomadNamespace);
        Checks.notNull("nomad_job_id", nomadJobId);
        volumeData = Map.copyOf(Checks.notNull("volume_data", volumeData));
        volumeSizes = Map.copyOf(Checks.notNull("volume_sizes", volumeSizes));
        Checks.notNull("state", state);
        Checks.notNull("state_message", stateMessage);
        Checks.notNull("created_at", createdAt);
        Checks.notNull("updated_at", updatedAt);
    }

    /** This space in {@code newState}, with {@code message} as the reason (or ""). */
    public Space withState(SpaceState newState, String message, Instant at) {
        return new Space(id, userId, templateId, name, altNames, agentUrl, shell, location, templateHash,
                nomadNamespace, nomadJobId, volumeData, volumeSizes, newState, message, createdAt, at);
    }

    /** This space deployed from a template: where, from which template version, and as which job. */
    public Space withDeployment(String newLocation, String newTemplateHash, String namespace, String jobId,
            Instant at) {
        return new Space(id, userId, templateId, name, altNames, agentUrl, shell, newLocation, newTemplateHash,
                namespace, jobId, volumeData, volumeSizes, state, stateMessage, createdAt, at);
    }

    public Space withVolumeData(Map<String, CsiVolumeRef> newVolumeData, Instant at) {
        return new Space(id, userId, templateId, name, altNames, agentUrl, shell, location, templateHash,
                nomadNamespace, nomadJobId, newVolumeData, volumeSizes, state, stateMessage, createdAt, at);
    }

    /** This space with the fields its owner edits. */
    public Space withDetails(String newName, List<String> newAltNames, Id<Template> newTemplateId,
            String newAgentUrl, Shell newShell, Instant at) {
        return new Space(id, userId, newTemplateId, newName, newAltNames, newAgentUrl, newShell, location,
                templateHash, nomadNamespace, nomadJobId, volumeData, volumeSizes, state, stateMessage, createdAt, at);
    }

    /** The name and every alternative name: what must be unique among the owner's spaces. */
    public List<String> allNames() {
        return Stream.concat(Stream.of(name), altNames.stream())
                .toList();
    }
}
