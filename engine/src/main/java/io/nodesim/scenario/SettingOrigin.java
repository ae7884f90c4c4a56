package io.nodesim.scenario;

/**
 * Where an effective setting came from, for {@code nodesim explain}.
 *
 * @param source one of "profile", "file", "--set", "default"
 * @param detail the profile name ("1.32–1.33"), or file:line, or the --set text
 */
public record SettingOrigin(String source, String detail) {
    @Override
    public String toString() {
        return detail == null || detail.isEmpty() ? source : source + " " + detail;
    }
}
