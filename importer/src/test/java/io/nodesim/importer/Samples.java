package io.nodesim.importer;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The real dumps of {@code ../shared/import-samples/}, read from where they are (never copied in). */
final class Samples {
    private Samples() {
    }

    static Path dir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/import-samples");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        assumeTrue(false, "shared/import-samples not found above the working directory");
        return null;
    }

    /** The files of one sample folder, sorted (nodes before pods). */
    static List<Path> files(String folder) throws java.io.IOException {
        try (Stream<Path> s = Files.list(dir().resolve(folder))) {
            return s.sorted().toList();
        }
    }

    static Path fixture(String name) {
        return Path.of("src/test/resources/dumps", name);
    }
}
