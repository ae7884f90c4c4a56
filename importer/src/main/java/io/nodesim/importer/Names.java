package io.nodesim.importer;

/**
 * The names an import writes, mapped one by one: the identity for a plain import, keyed hashes for
 * {@code --anonymize} (DESIGN §3.1; implemented in {@code io.nodesim.importer.anonymize}). The same
 * input must always give the same output, so selectors, affinities, spreads and image locality keep
 * their meaning. A label key is mapped as a whole (prefix included); an implementation decides which
 * prefixes (such as {@code kubernetes.io/}) it keeps.
 */
public interface Names {
    Names IDENTITY = new Names() {
    };

    default String node(String name) {
        return name;
    }

    default String namespace(String name) {
        return name;
    }

    default String workload(String name) {
        return name;
    }

    default String pod(String name) {
        return name;
    }

    default String container(String name) {
        return name;
    }

    default String image(String name) {
        return name;
    }

    default String labelKey(String key) {
        return key;
    }

    default String labelValue(String value) {
        return value;
    }

    /**
     * Called once with the import's temporary output directory after every name was mapped, before
     * the files move into place: the place to write {@code map.csv}.
     */
    default void writeFiles(java.nio.file.Path dir) throws java.io.IOException {
    }

    /** True when the names are tokens: the report then names no original object. */
    default boolean anonymous() {
        return false;
    }
}
