package io.nodesim.importer.settings;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The real flags of a component, from the lists committed beside this class
 * ({@code kube-controller-manager.flags}, ...; each file cites the reference pages and sources it was built from),
 * covering releases 1.12 to 1.36: a flag removed since is still a real flag of an older cluster.
 * A flag outside its component's list cannot have been given to a running component: it is bad input.
 */
public final class FlagCatalog {
    private static final Map<Component, FlagCatalog> CATALOGS = new EnumMap<>(Component.class);

    private final Set<String> flags;
    private final Set<String> booleans;

    private FlagCatalog(Set<String> flags, Set<String> booleans) {
        this.flags = flags;
        this.booleans = booleans;
    }

    public static synchronized FlagCatalog of(Component c) {
        return CATALOGS.computeIfAbsent(c, FlagCatalog::load);
    }

    private static FlagCatalog load(Component c) {
        String resource = c.binary() + ".flags";
        Set<String> flags = new HashSet<>();
        Set<String> booleans = new HashSet<>();
        try (InputStream in = FlagCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] parts = t.split("\\s+");
                String name = normalized(parts[0]);
                flags.add(name);
                if (parts.length > 1 && parts[1].equals("bool")) {
                    booleans.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FlagCatalog(Set.copyOf(flags), Set.copyOf(booleans));
    }

    /** The name pflag looks up under {@code cliflag.WordSepNormalizeFunc}: every {@code _} read as {@code -}. */
    static String normalized(String flag) {
        return flag.replace('_', '-');
    }

    public boolean known(String flag) {
        return flags.contains(flag);
    }

    /** Whether the flag takes no separate value: {@code --flag value} then leaves {@code value} an argument. */
    public boolean takesNoSeparateValue(String flag) {
        return booleans.contains(flag);
    }

    public int size() {
        return flags.size();
    }
}
