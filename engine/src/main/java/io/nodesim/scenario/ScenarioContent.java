package io.nodesim.scenario;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The content of a scenario: the scenario file and every file it names (workload files, empirical
 * distributions, the initial placement), as the loader read them. Keys are paths relative to the
 * closest folder holding them all, with '/' separators, so the same tree of files has the same keys
 * and {@link #sha256} wherever it lies: on the user's disk, in a ConfigMap mounted into a pod, or
 * unpacked on a Spark executor.
 *
 * @param scenario the key of the scenario file itself
 * @param files every file's bytes by key, in key order
 */
public record ScenarioContent(String scenario, Map<String, byte[]> files) {
    public ScenarioContent {
        Objects.requireNonNull(scenario, "scenario");
        files = Collections.unmodifiableMap(new TreeMap<>(files));
        if (!files.containsKey(scenario)) {
            throw new IllegalArgumentException("the scenario file " + scenario + " is not among " + files.keySet());
        }
        for (String key : files.keySet()) {
            if (key.isEmpty() || key.startsWith("/") || List.of(key.split("/")).contains("..")) {
                throw new IllegalArgumentException("not a relative path inside the scenario's folder: " + key);
            }
        }
    }

    /** Reads the files (absolute, normalized paths) and keys them below their closest common folder. */
    static ScenarioContent read(Path scenarioFile, List<Path> files) throws IOException {
        Path root = scenarioFile.getParent();
        for (Path f : files) {
            while (!f.startsWith(root)) {
                root = root.getParent();
            }
        }
        Map<String, byte[]> contents = new TreeMap<>();
        for (Path f : files) {
            contents.put(key(root, f), Files.readAllBytes(f));
        }
        return new ScenarioContent(key(root, scenarioFile), contents);
    }

    private static String key(Path root, Path file) {
        List<String> parts = new ArrayList<>();
        root.relativize(file).forEach(p -> parts.add(p.toString()));
        return String.join("/", parts);
    }

    /**
     * SHA-256 over every (key, length, bytes) in key order, in hex: equal exactly when the files and
     * their places relative to each other are equal.
     */
    public String sha256() {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            byte[] key = e.getKey().getBytes(StandardCharsets.UTF_8);
            digest.update(ByteBuffer.allocate(8).putInt(key.length).putInt(e.getValue().length).array());
            digest.update(key);
            digest.update(e.getValue());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The number of bytes of all files together. */
    public long size() {
        return files.values().stream().mapToLong(b -> b.length).sum();
    }

    /** Writes the files below {@code dir}, in their places; returns the scenario file's path there. */
    public Path writeTo(Path dir) throws IOException {
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path target = dir.resolve(e.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, e.getValue());
        }
        return dir.resolve(scenario);
    }
}
