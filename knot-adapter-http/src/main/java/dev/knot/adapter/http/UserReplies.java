package dev.knot.adapter.http;

import dev.knot.ports.model.Role;
import dev.knot.ports.model.User;
import java.time.Instant;
import java.util.List;

/** The user answers, with the original's field names. Times are RFC 3339 strings, ids lowercase UUIDs. */
final class UserReplies {
    private UserReplies() {}

    /** One user in full ({@code UserResponse}): whoami and GET /users/{user_id}. */
    record UserReply(
            String userId,
            String username,
            String email,
            String servicePassword,
            List<String> roles,
            List<String> groups,
            boolean active,
            int maxSpaces,
            int maxDiskSpace,
            String sshPublicKey,
            String githubUsername,
            String preferredShell,
            String timezone,
            boolean current,
            String lastLoginAt,
            String createdAt,
            String updatedAt) {
        @Override
        public String toString() {
            return "UserReply[user_id=" + userId + "]";
        }
    }

    /** One entry of GET /users. */
    record UserSummary(
            String userId,
            String username,
            String email,
            List<String> roles,
            List<String> groups,
            boolean active,
            int maxSpaces,
            int maxDiskSpace,
            boolean current,
            String lastLoginAt) {}

    record UserList(int count, List<UserSummary> users) {}

    record UserCreated(boolean status, String userId) {}

    static UserReply full(User user, String servicePassword, User caller) {
        return new UserReply(user.id().value(), user.username(), user.email(), servicePassword, roleIds(user),
                groupIds(user), user.active(), user.maxSpaces(), user.maxDiskSpace(), user.sshPublicKey(),
                user.githubUsername(), user.preferredShell().value(), user.timezone(), isCaller(user, caller),
                time(user.lastLoginAt()), time(user.createdAt()), time(user.updatedAt()));
    }

    static UserSummary summary(User user, User caller) {
        return new UserSummary(user.id().value(), user.username(), user.email(), roleIds(user), groupIds(user),
                user.active(), user.maxSpaces(), user.maxDiskSpace(), isCaller(user, caller), time(user.lastLoginAt()));
    }

    /** An instant as RFC 3339, or null (JSON null) when it never happened. */
    static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static boolean isCaller(User user, User caller) {
        return user.id().equals(caller.id());
    }

    private static List<String> roleIds(User user) {
        return user.roles().stream().map(Role::id).sorted().toList();
    }

    private static List<String> groupIds(User user) {
        return GroupIds.sorted(user.groups());
    }
}
