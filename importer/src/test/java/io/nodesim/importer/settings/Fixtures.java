package io.nodesim.importer.settings;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The committed fixtures (FIXTURES.md says where each came from) and the shared real dumps. */
final class Fixtures {
    private Fixtures() {
    }

    static Path fixture(String name) {
        try {
            return Path.of(Fixtures.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path write(Path dir, String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A dump of {@code shared/import-samples} (real kubectl output kept beside the project, not in it), found
     * by walking up from the working directory; the test is skipped where the samples are not laid out.
     */
    static Path sample(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("shared").resolve("import-samples").resolve(relative);
            if (Files.exists(p)) {
                return p;
            }
        }
        assumeTrue(false, "shared/import-samples not found above " + Path.of("").toAbsolutePath());
        return null;
    }

    /** Every node's kubeletVersion with its JSONPath, as the dump reader hands them over. */
    static List<VersionDetector.NodeVersion> nodeVersions(Path dump) {
        try {
            String text = Files.readString(dump);
            JsonNode root = text.stripLeading().startsWith("{") ? new ObjectMapper().readTree(text)
                    : new YAMLMapper().readTree(text);
            List<VersionDetector.NodeVersion> out = new ArrayList<>();
            JsonNode items = root.path("items");
            Provenance at = Provenance.root(dump.getFileName().toString()).field("items");
            for (int i = 0; i < items.size(); i++) {
                String v = items.get(i).path("status").path("nodeInfo").path("kubeletVersion").asText("");
                out.add(new VersionDetector.NodeVersion(v,
                        at.index(i).field("status").field("nodeInfo").field("kubeletVersion")));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
