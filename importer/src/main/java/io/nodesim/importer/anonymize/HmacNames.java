package io.nodesim.importer.anonymize;

import com.opencsv.ICSVWriter;
import io.nodesim.metrics.Rfc4180;
import io.nodesim.scenario.ScenarioException;
import io.nodesim.scheduler.PodCompiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code --anonymize --salt-file FILE}: every name replaced by a token of HMAC-SHA256 keyed with the salt
 * file's bytes over the name's kind and text, hex-encoded (80 bits, so two names never share a token in
 * practice; a collision would be an error, never a silent merge). Without the salt the tokens cannot be
 * reversed by hashing guessed names; with it, {@code map.csv} is the key, written owner-only.
 *
 * <p>Names that are Kubernetes vocabulary, not the cluster's data, keep their text: label keys under
 * {@code kubernetes.io/} and {@code k8s.io/}, the namespaces {@code default}, {@code kube-system},
 * {@code kube-public}, {@code kube-node-lease} and the priority classes {@code system-node-critical},
 * {@code system-cluster-critical}. Not thread-safe: one import uses one instance.
 */
public final class HmacNames implements Names {
    /** A salt shorter than this is refused: a short key makes the tokens guessable. */
    public static final int MIN_SALT_BYTES = 16;
    private static final int TOKEN_BYTES = 10;
    private static final Set<String> BUILT_IN_NAMESPACES = Set.of("default", "kube-system", "kube-public",
            "kube-node-lease");
    private static final Set<String> BUILT_IN_PRIORITY_CLASSES = Set.of("system-node-critical",
            "system-cluster-critical");
    private static final Pattern ORDINAL = Pattern.compile("\\d+");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Mac mac;
    private final Map<NameKind, Map<String, String>> tokens = new EnumMap<>(NameKind.class);
    private final Map<NameKind, Map<String, String>> originals = new EnumMap<>(NameKind.class);

    private HmacNames(byte[] salt) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Keyed with the bytes of the salt file; a missing, unreadable or short file is bad input. */
    public static HmacNames fromSaltFile(Path saltFile) {
        byte[] salt;
        try {
            salt = Files.readAllBytes(saltFile);
        } catch (IOException e) {
            throw new ScenarioException(saltFile.toString(), 0, 0, "", "cannot read the salt file: " + e.getMessage());
        }
        if (salt.length < MIN_SALT_BYTES) {
            throw new ScenarioException(saltFile.toString(), 0, 0, "", "the salt file holds " + salt.length
                    + " bytes; use at least " + MIN_SALT_BYTES + " random bytes, e.g. head -c 32 /dev/urandom > "
                    + saltFile.getFileName());
        }
        return new HmacNames(salt);
    }

    /** Keyed with these bytes (at least {@value #MIN_SALT_BYTES}). */
    public static HmacNames withSalt(byte[] salt) {
        if (salt.length < MIN_SALT_BYTES) {
            throw new IllegalArgumentException("a salt needs at least " + MIN_SALT_BYTES + " bytes");
        }
        return new HmacNames(salt.clone());
    }

    @Override
    public String node(String name) {
        return token(NameKind.NODE, name);
    }

    @Override
    public String namespace(String name) {
        return BUILT_IN_NAMESPACES.contains(name) ? name : token(NameKind.NAMESPACE, name);
    }

    @Override
    public String workload(String name) {
        return token(NameKind.WORKLOAD, name);
    }

    @Override
    public String pod(String name) {
        return token(NameKind.POD, name);
    }

    @Override
    public String pod(String workload, String name) {
        if (!name.startsWith(workload + "-") || name.length() == workload.length() + 1) {
            return pod(name);
        }
        String known = known(NameKind.POD, name);
        if (known != null) {
            return known;
        }
        String suffix = name.substring(workload.length() + 1);
        String mapped = ORDINAL.matcher(suffix).matches() ? suffix : token(NameKind.POD_SUFFIX, suffix);
        return record(NameKind.POD, name, name, workload(workload) + "-" + mapped);
    }

    @Override
    public String container(String name) {
        return token(NameKind.CONTAINER, name);
    }

    /**
     * Hashed after the scheduler's normalisation (an untagged name gets {@code :latest}, imagelocality
     * {@code normalizedImageName}), so {@code nginx} in a pod and {@code nginx:latest} on a node stay one image;
     * the token carries an explicit tag so the scheduler leaves it as it is.
     */
    @Override
    public String image(String reference) {
        String known = known(NameKind.IMAGE, reference);
        if (known != null) {
            return known;
        }
        String normalized = PodCompiler.normalizedImageName(reference);
        return record(NameKind.IMAGE, reference, normalized, hash(NameKind.IMAGE, normalized) + ":anon");
    }

    @Override
    public String service(String name) {
        return token(NameKind.SERVICE, name);
    }

    @Override
    public String priorityClass(String name) {
        return BUILT_IN_PRIORITY_CLASSES.contains(name) ? name : token(NameKind.PRIORITY_CLASS, name);
    }

    @Override
    public String disruptionBudget(String name) {
        return token(NameKind.DISRUPTION_BUDGET, name);
    }

    @Override
    public String volumeClaim(String name) {
        return token(NameKind.VOLUME_CLAIM, name);
    }

    @Override
    public String storageClass(String name) {
        return token(NameKind.STORAGE_CLASS, name);
    }

    @Override
    public String labelKey(String key) {
        if (Names.kubernetesKey(key)) {
            return key;
        }
        int slash = key.indexOf('/');
        if (slash < 0) {
            return token(NameKind.LABEL_NAME, key);
        }
        return token(NameKind.LABEL_PREFIX, key.substring(0, slash)) + "/" + token(NameKind.LABEL_NAME,
                key.substring(slash + 1));
    }

    @Override
    public String labelValue(String key, String value) {
        if (value.isEmpty()) {
            return value;
        }
        return switch (key) {
            case HOSTNAME_KEY -> node(value);
            case NAMESPACE_NAME_KEY -> namespace(value);
            default -> token(NameKind.LABEL_VALUE, value);
        };
    }

    private String token(NameKind kind, String original) {
        String known = known(kind, original);
        return known != null ? known : record(kind, original, original, hash(kind, original));
    }

    private String known(NameKind kind, String original) {
        return tokens.getOrDefault(kind, Map.of()).get(original);
    }

    private String hash(NameKind kind, String text) {
        byte[] h = mac.doFinal((kind.csvName() + "\u0000" + text).getBytes(StandardCharsets.UTF_8));
        return kind.prefix() + HexFormat.of().formatHex(h, 0, TOKEN_BYTES);
    }

    /**
     * Remembers {@code original -> token}; {@code identity} is what the token must stand for alone (the
     * original itself, or for images the normalised reference that several spellings share).
     */
    private String record(NameKind kind, String original, String identity, String token) {
        String before = originals.computeIfAbsent(kind, k -> new TreeMap<>()).putIfAbsent(token, identity);
        if (before != null && !before.equals(identity)) {
            throw new IllegalStateException(kind.csvName() + " token " + token + " would stand for both \"" + before
                    + "\" and \"" + identity + "\"");
        }
        tokens.computeIfAbsent(kind, k -> new TreeMap<>()).put(original, token);
        return token;
    }

    /** Every name replaced so far, by kind then original (the internal pod-suffix and label-part rows included). */
    public Map<NameKind, Map<String, String>> mappings() {
        Map<NameKind, Map<String, String>> out = new EnumMap<>(NameKind.class);
        tokens.forEach((k, v) -> out.put(k, java.util.Collections.unmodifiableMap(v)));
        return java.util.Collections.unmodifiableMap(out);
    }

    /**
     * Writes {@code map.csv} ({@code kind,original,token}, sorted by kind and original) to {@code target}. The
     * file is created owner-read/write only (0600) in the target's directory and then moved into place, so it
     * is never readable by others, not even while it is written; on a file system without POSIX permissions
     * nothing is written and the error says so.
     */
    public void writeMap(Path target) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(dir, ".map-", ".csv.tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                    ICSVWriter csv = Rfc4180.writer(w)) {
                csv.writeNext(new String[] {"kind", "original", "token"}, false);
                for (NameKind kind : EnumSet.allOf(NameKind.class)) {
                    for (var e : tokens.getOrDefault(kind, Map.of()).entrySet()) {
                        csv.writeNext(new String[] {kind.csvName(), e.getKey(), e.getValue()}, false);
                    }
                }
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
        } catch (UnsupportedOperationException e) {
            throw new IllegalStateException("map.csv must be written owner-only (0600) and " + dir
                    + " does not support POSIX permissions", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original failure is the one to report
                }
            }
        }
    }
}
