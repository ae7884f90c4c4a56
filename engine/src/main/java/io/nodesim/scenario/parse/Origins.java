package io.nodesim.scenario.parse;

import io.nodesim.scenario.SettingOrigin;
import io.nodesim.scenario.VersionProfiles;
import io.nodesim.scenario.settings.SettingSpec;
import io.nodesim.scenario.settings.SettingType;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records where each effective setting came from while the sections are read, and resolves a
 * field to its written value or its default in one step.
 */
public final class Origins {
    /** Reads one present value; the path is for messages. */
    public interface Reader<T> {
        T read(YNode node, String path);
    }

    private final Map<String, SettingOrigin> origins = new LinkedHashMap<>();
    private final String profileName;

    public Origins(String profileName) {
        this.profileName = profileName;
    }

    public SettingOrigin profile() {
        return new SettingOrigin("profile", profileName);
    }

    public static SettingOrigin nodesimDefault() {
        return new SettingOrigin("default", "nodesim");
    }

    public void put(String path, SettingOrigin origin) {
        origins.put(path, origin);
    }

    public void written(String path, YNode node) {
        origins.put(path, node.loc().origin());
    }

    /** The value written at {@code key}, else {@code fallback} with {@code fallbackOrigin}. */
    public <T> T resolve(Section s, String key, Reader<T> reader, T fallback, SettingOrigin fallbackOrigin) {
        YNode n = s.get(key);
        String path = s.path(key);
        if (n == null) {
            origins.put(path, fallbackOrigin);
            return fallback;
        }
        T v = reader.read(n, path);
        written(path, n);
        return v;
    }

    /** A registry setting: the written value, else the profile's (or nodesim's) default. */
    public <T> T resolve(Section s, SettingSpec<T> setting, VersionProfiles.Row row, Path baseDir) {
        return resolve(s, setting, setting.defaultFor().apply(row),
                setting.fromProfile() ? profile() : nodesimDefault(), baseDir);
    }

    /** A registry setting whose default follows a rule of its own section. */
    public <T> T resolve(Section s, SettingSpec<T> setting, T fallback, SettingOrigin fallbackOrigin, Path baseDir) {
        SettingType.Reader<T> reader = setting.type().reader();
        return resolve(s, setting.key(), (n, p) -> reader.read(n, p, baseDir), fallback, fallbackOrigin);
    }

    public Map<String, SettingOrigin> map() {
        return origins;
    }
}
