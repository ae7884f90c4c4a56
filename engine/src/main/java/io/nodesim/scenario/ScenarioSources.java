package io.nodesim.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Loads a scenario and keeps the files it was loaded from, for what must know the scenario's content
 * rather than its path: the content hash that a resumed sweep and a merge of shards check, and the
 * files a Kubernetes Job or a Spark executor needs to load the same scenario elsewhere.
 *
 * <p>The readers of files named by a scenario call {@link #noteRead}; while {@link #load} runs on a
 * thread, that thread's reads are collected. Loading is single-threaded, so a thread-local suffices,
 * and every other load is unaffected.
 */
public final class ScenarioSources {
    private static final ThreadLocal<Set<Path>> READ = new ThreadLocal<>();

    private ScenarioSources() {
    }

    /**
     * A loaded scenario and its files.
     *
     * @param scenario the scenario with the {@code --set} overrides applied
     * @param files the scenario file and every file it names
     */
    public record Loaded(Scenario scenario, ScenarioContent files) {
    }

    /** Called by every reader of a file that a scenario names, before it reads it. */
    public static void noteRead(Path file) {
        Set<Path> read = READ.get();
        if (read != null) {
            read.add(file.toAbsolutePath().normalize());
        }
    }

    /**
     * Loads {@code file} as {@link ScenarioLoader#load(Path, String, List)} does, and reads back the
     * files the loader read.
     *
     * @throws ScenarioException the scenario is bad input
     */
    public static Loaded load(Path file, String display, List<String> setOverrides) {
        Set<Path> outer = READ.get();
        Set<Path> read = new LinkedHashSet<>();
        READ.set(read);
        try {
            Scenario scenario = ScenarioLoader.load(file, display, setOverrides);
            return new Loaded(scenario, ScenarioContent.read(file.toAbsolutePath().normalize(), new ArrayList<>(read)));
        } catch (IOException e) {
            throw new UncheckedIOException("a file the scenario loader has just read cannot be read again", e);
        } finally {
            READ.set(outer);
        }
    }
}
