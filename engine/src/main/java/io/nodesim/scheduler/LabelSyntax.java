package io.nodesim.scheduler;

import java.util.regex.Pattern;

/**
 * apimachinery's label syntax ({@code util/validation} IsQualifiedName and IsValidLabelValue), as
 * {@code labels.NewRequirement} checks it when kube-scheduler parses a node selector term.
 */
final class LabelSyntax {
    private static final Pattern NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final int MAX_NAME = 63;
    private static final int MAX_PREFIX = 253;

    private LabelSyntax() {
    }

    /** {@code [prefix/]name}: prefix a DNS subdomain of at most 253, name at most 63 characters. */
    static boolean isQualifiedName(String key) {
        int slash = key.indexOf('/');
        String name = key;
        if (slash >= 0) {
            String prefix = key.substring(0, slash);
            name = key.substring(slash + 1);
            if (prefix.isEmpty() || prefix.length() > MAX_PREFIX || !DNS_SUBDOMAIN.matcher(prefix).matches()) {
                return false;
            }
        }
        return !name.isEmpty() && name.length() <= MAX_NAME && NAME.matcher(name).matches();
    }

    /** Empty, or at most 63 characters of the name syntax. */
    static boolean isValidLabelValue(String value) {
        return value.isEmpty() || value.length() <= MAX_NAME && NAME.matcher(value).matches();
    }
}
