package io.nodesim.scenario;

/** A Kubernetes minor release such as 1.35; patch levels do not change any modelled rule. */
public record KubernetesVersion(int major, int minor) implements Comparable<KubernetesVersion> {
    public KubernetesVersion {
        if (major != 1 || minor < 0) {
            throw new IllegalArgumentException("not a Kubernetes 1.x version: " + major + "." + minor);
        }
    }

    /** Parses "1.35", "v1.35" or "1.35.2". */
    public static KubernetesVersion parse(String text) {
        String t = text.trim();
        if (t.startsWith("v")) {
            t = t.substring(1);
        }
        String[] parts = t.split("\\.");
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("expected a version like \"1.35\", got \"" + text + "\"");
        }
        try {
            return new KubernetesVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a version like \"1.35\", got \"" + text + "\"");
        }
    }

    public boolean atLeast(int minorVersion) {
        return minor >= minorVersion;
    }

    @Override
    public int compareTo(KubernetesVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
