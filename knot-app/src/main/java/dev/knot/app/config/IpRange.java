package dev.knot.app.config;

import java.util.regex.Pattern;

/** Checks an IP address or CIDR range without ever resolving a name (which would make loading depend on DNS). */
final class IpRange {
    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final Pattern IPV4 = Pattern.compile("(" + OCTET + "\\.){3}" + OCTET);
    private static final Pattern IPV6_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");

    private IpRange() {}

    static boolean isValid(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        int maximumPrefix;
        if (IPV4.matcher(address).matches()) {
            maximumPrefix = 32;
        }
        else if (isIpv6(address)) {
            maximumPrefix = 128;
        }
        else {
            return false;
        }
        if (slash < 0) {
            return true;
        }
        String prefix = trimmed.substring(slash + 1);
        if (prefix.isEmpty() || prefix.length() > 3 || !prefix.chars().allMatch(Character::isDigit)) {
            return false;
        }
        return Integer.parseInt(prefix) <= maximumPrefix;
    }

    private static boolean isIpv6(String address) {
        String groups = address;
        int groupsNeeded = 8;
        int lastColon = address.lastIndexOf(':');
        if (lastColon >= 0 && IPV4.matcher(address.substring(lastColon + 1)).matches()) {
            // An embedded IPv4 address (::ffff:10.0.0.1) stands for the last two groups.
            groups = address.substring(0, lastColon + 1) + "0:0";
        }
        int doubleColon = groups.indexOf("::");
        if (doubleColon != groups.lastIndexOf("::")) {
            return false;
        }
        String[] parts = groups.replace("::", ":x:").split(":", -1);
        int count = 0;
        for (String part : parts) {
            if (part.equals("x") || (part.isEmpty() && doubleColon >= 0)) {
                continue;
            }
            if (!IPV6_GROUP.matcher(part).matches()) {
                return false;
            }
            count++;
        }
        return doubleColon >= 0 ? count < groupsNeeded : count == groupsNeeded;
    }
}
