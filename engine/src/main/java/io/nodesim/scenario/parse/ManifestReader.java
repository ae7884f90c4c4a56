package io.nodesim.scenario.parse;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.nodesim.scenario.parse.YNode.YList;
import io.nodesim.scenario.parse.YNode.YMap;
import io.nodesim.scenario.parse.YNode.YScalar;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a Kubernetes manifest into a fabric8 model class. fabric8 classes swallow unknown fields
 * into {@code additionalProperties}, which would hide typos such as {@code replica: 3}; so before
 * binding, the YAML tree is walked against the properties Jackson sees on each model class, and
 * any other key is reported, with a "did you mean", at its own line. QuantitySyntax are checked on the
 * way, and a Jackson type error is mapped back to the position of the offending value.
 */
public final class ManifestReader {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .registerModule(new OnDemandDeserializers());
    private static final Map<JavaType, Map<String, JavaType>> PROPERTIES = new ConcurrentHashMap<>();

    private ManifestReader() {
    }

    /** Binds {@code node} (a manifest or part of one) to {@code type}; {@code path} names it in messages. */
    public static <T> T read(YNode node, Class<T> type, String path) {
        check(node, MAPPER.constructType(type), path);
        try {
            return MAPPER.treeToValue(toJson(node), type);
        } catch (InvalidDefinitionException e) {
            // Jackson cannot bind a fabric8 class at all: nodesim's fault, not the manifest's
            throw new IllegalStateException("cannot bind " + type.getName() + ": " + e.getOriginalMessage(), e);
        } catch (JsonMappingException e) {
            YNode at = node;
            StringBuilder p = new StringBuilder(path);
            for (JsonMappingException.Reference r : e.getPath()) {
                YNode next = null;
                if (r.getFieldName() != null && at instanceof YMap m) {
                    next = m.get(r.getFieldName());
                    p.append('.').append(r.getFieldName());
                } else if (r.getIndex() >= 0 && at instanceof YList l && r.getIndex() < l.items().size()) {
                    next = l.items().get(r.getIndex());
                    p.append('[').append(r.getIndex()).append(']');
                }
                if (next == null) {
                    break;
                }
                at = next;
            }
            String expected = e instanceof MismatchedInputException mi && mi.getTargetType() != null
                    ? expected(mi.getTargetType()) : "a different value";
            throw at.loc().error(p.toString(), "expected " + expected + ", got " + at.describe());
        } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw node.loc().error(path, "cannot read the manifest: " + e.getMessage());
        }
    }

    private static String expected(Class<?> t) {
        if (t == Integer.class || t == int.class || t == Long.class || t == long.class) {
            return "an integer";
        }
        if (t == Boolean.class || t == boolean.class) {
            return "true or false";
        }
        if (t == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(t)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(t) || t.getName().startsWith("io.fabric8.")) {
            return "a mapping (" + t.getSimpleName() + ")";
        }
        return "a " + t.getSimpleName();
    }

    private static void check(YNode n, JavaType type, String path) {
        Class<?> raw = type.getRawClass();
        if (n instanceof YScalar s && s.kind() == YScalar.Kind.NULL) {
            return;
        }
        if (raw == Quantity.class) {
            Values.quantity(n, path);
        } else if (raw == IntOrString.class) {
            Values.scalar(n, path, "an integer or a string");
        } else if (type.isCollectionLikeType() || type.isArrayType()) {
            if (n instanceof YList l) {
                for (int i = 0; i < l.items().size(); i++) {
                    check(l.items().get(i), type.getContentType(), path + "[" + i + "]");
                }
            }
        } else if (type.isMapLikeType()) {
            if (n instanceof YMap m) {
                for (Map.Entry<String, YNode> e : m.entries().entrySet()) {
                    if (e.getValue() instanceof YScalar s && s.kind() == YScalar.Kind.NULL) {
                        // fabric8 would keep a null entry (labels {app: null}), which no Kubernetes object holds
                        throw s.loc().error(path + "." + e.getKey(), "expected "
                                + expected(type.getContentType().getRawClass()) + ", got null");
                    }
                    check(e.getValue(), type.getContentType(), path + "." + e.getKey());
                }
            }
        } else if (raw.getName().startsWith("io.fabric8.") && n instanceof YMap m) {
            Map<String, JavaType> props = PROPERTIES.computeIfAbsent(type, ManifestReader::properties);
            for (Map.Entry<String, YNode> e : m.entries().entrySet()) {
                JavaType pt = props.get(e.getKey());
                String p = path + "." + e.getKey();
                if (pt == null) {
                    throw Values.unknownField(m, e.getKey(), p, new ArrayList<>(props.keySet()));
                }
                check(e.getValue(), pt, p);
            }
        }
    }

    private static Map<String, JavaType> properties(JavaType type) {
        BeanDescription d = MAPPER.getDeserializationConfig().introspect(type);
        Map<String, JavaType> props = new TreeMap<>();
        for (BeanPropertyDefinition p : d.findProperties()) {
            if (!p.getName().equals("additionalProperties") && (p.hasSetter() || p.hasField() || p.hasConstructorParameter())) {
                props.put(p.getName(), p.getPrimaryType());
            }
        }
        return props;
    }

    /** The narrowest node: fabric8's IntOrString deserializer accepts only int nodes. */
    private static JsonNode integer(JsonNodeFactory f, BigInteger v) {
        if (v.bitLength() < 32) {
            return f.numberNode(v.intValue());
        }
        return v.bitLength() < 64 ? f.numberNode(v.longValue()) : f.numberNode(v);
    }

    /** The YAML tree as a Jackson tree (positions dropped). */
    static JsonNode toJson(YNode n) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (n instanceof YMap m) {
            ObjectNode o = f.objectNode();
            m.entries().forEach((k, v) -> o.set(k, toJson(v)));
            return o;
        }
        if (n instanceof YList l) {
            ArrayNode a = f.arrayNode();
            l.items().forEach(i -> a.add(toJson(i)));
            return a;
        }
        YScalar s = (YScalar) n;
        try {
            return switch (s.kind()) {
                case NULL -> f.nullNode();
                case BOOLEAN -> f.booleanNode(Boolean.parseBoolean(s.text()));
                case INTEGER -> integer(f, new BigInteger(s.text().replace("_", "")));
                case FLOAT -> f.numberNode(new BigDecimal(s.text().replace("_", "")));
                case STRING -> f.textNode(s.text());
            };
        } catch (NumberFormatException e) {
            return f.textNode(s.text());
        }
    }
}
