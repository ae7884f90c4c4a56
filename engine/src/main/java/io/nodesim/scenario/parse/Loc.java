package io.nodesim.scenario.parse;

import io.nodesim.scenario.ScenarioException;
import io.nodesim.scenario.SettingOrigin;

/**
 * Where a value was written: a file position, or a {@code --set PATH=VALUE} argument (line 0).
 *
 * @param source the file as the user named it, or the {@code --set} argument
 * @param fromSet whether the value came from {@code --set}
 */
public record Loc(String source, int line, int column, boolean fromSet) {
    public static Loc file(String file, int line, int column) {
        return new Loc(file, line, column, false);
    }

    public static Loc set(String argument) {
        return new Loc("--set " + argument, 0, 0, true);
    }

    /** A ScenarioException at this place. */
    public ScenarioException error(String path, String problem) {
        return new ScenarioException(source, line, column, path, problem);
    }

    /** The origin {@code explain} shows for a setting written here. */
    public SettingOrigin origin() {
        if (fromSet) {
            return new SettingOrigin("--set", source.substring("--set ".length()));
        }
        String name = java.nio.file.Path.of(source).getFileName().toString();
        return new SettingOrigin("file", name + ":" + line);
    }
}
