package io.nodesim.scenario.parse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.util.AccessPattern;
import java.io.IOException;

/**
 * Builds the deserializer of a fabric8 model class when a manifest first holds one, not when the
 * class that refers to it is built.
 *
 * <p>Jackson builds a bean's deserializer together with those of every property type, down the
 * whole type graph: binding the first Deployment introspected volumes of every kind, probes,
 * affinities... (401 fabric8 model classes loaded to validate the large zone outage, 173 now),
 * which took 0.13 s of a run's start for the dozen classes a scenario's manifests actually hold.
 * Here each fabric8 class gets a stand-in that asks Jackson's own factory for the real deserializer
 * at its first value, then resolves and contextualises it exactly as Jackson would have done up
 * front, and forwards every call to it. Class annotations ({@code @JsonDeserialize(using = ...)} on
 * Quantity) are still honoured: Jackson looks at them before it asks this module.
 */
final class OnDemandDeserializers extends SimpleModule {
    /** The type whose real deserializer is being built on this thread (the factory asks us for it again). */
    private static final ThreadLocal<JavaType> BUILDING = new ThreadLocal<>();

    OnDemandDeserializers() {
        super("nodesim-on-demand-deserializers");
    }

    @Override
    public void setupModule(SetupContext context) {
        context.addDeserializers(new Deserializers.Base() {
            @Override
            public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
                    BeanDescription beanDesc) {
                if (!type.getRawClass().getName().startsWith("io.fabric8.") || type.equals(BUILDING.get())) {
                    return null;
                }
                return new StandIn(new Built(type), null);
            }
        });
    }

    /**
     * The real deserializer of one type, built once and shared by every property of that type. The
     * mapper is shared by threads (Spark tasks load scenarios side by side), so it is built under a
     * lock and published only once resolved: a half-resolved one failed 15 % of two threads' first
     * bindings with false errors ("expected a Object, got the number 3").
     */
    private static final class Built {
        private final JavaType type;
        private volatile JsonDeserializer<Object> resolved;

        Built(JavaType type) {
            this.type = type;
        }

        JsonDeserializer<Object> get(DeserializationContext ctxt) throws JsonMappingException {
            JsonDeserializer<Object> d = resolved;
            if (d != null) {
                return d;
            }
            synchronized (this) {
                if (resolved == null) {
                    BeanDescription description = ctxt.getConfig().introspect(type);
                    BUILDING.set(type);
                    try {
                        d = ctxt.getFactory().createBeanDeserializer(ctxt, type, description);
                    } finally {
                        BUILDING.remove();
                    }
                    // Resolving only contextualises the properties' stand-ins and never asks one for
                    // its target, so no type (not even one holding itself) needs this one before it is done.
                    if (d instanceof ResolvableDeserializer r) {
                        r.resolve(ctxt);
                    }
                    resolved = d;
                }
                return resolved;
            }
        }
    }

    /** Forwards to the real deserializer, contextualised for {@code property} (null for a root value). */
    private static final class StandIn extends JsonDeserializer<Object> implements ContextualDeserializer {
        private final Built built;
        private final BeanProperty property;
        private final boolean contextual;
        /** Computed at most once per thread that races for it; each result is the same, fully built. */
        private volatile JsonDeserializer<Object> target;

        StandIn(Built built, BeanProperty property) {
            this(built, property, false);
        }

        private StandIn(Built built, BeanProperty property, boolean contextual) {
            this.built = built;
            this.property = property;
            this.contextual = contextual;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            return new StandIn(built, property, true);
        }

        @SuppressWarnings("unchecked")
        private JsonDeserializer<Object> target(DeserializationContext ctxt) throws JsonMappingException {
            JsonDeserializer<Object> t = target;
            if (t == null) {
                JsonDeserializer<Object> real = built.get(ctxt);
                t = contextual
                        ? (JsonDeserializer<Object>) ctxt.handleSecondaryContextualization(real, property, built.type)
                        : real;
                target = t;
            }
            return t;
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return target(ctxt).deserialize(p, ctxt);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt, Object intoValue) throws IOException {
            return target(ctxt).deserialize(p, ctxt, intoValue);
        }

        @Override
        public Object deserializeWithType(JsonParser p, DeserializationContext ctxt, TypeDeserializer typeDeserializer)
                throws IOException {
            return target(ctxt).deserializeWithType(p, ctxt, typeDeserializer);
        }

        @Override
        public Object getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            return target(ctxt).getNullValue(ctxt);
        }

        @Override
        public Object getEmptyValue(DeserializationContext ctxt) throws JsonMappingException {
            return target(ctxt).getEmptyValue(ctxt);
        }

        // what every bean deserializer answers, without building one to ask it

        @Override
        public AccessPattern getNullAccessPattern() {
            return AccessPattern.ALWAYS_NULL;
        }

        @Override
        public AccessPattern getEmptyAccessPattern() {
            return AccessPattern.DYNAMIC;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.POJO;
        }

        @Override
        public Boolean supportsUpdate(DeserializationConfig config) {
            return Boolean.TRUE;
        }

        @Override
        public Class<?> handledType() {
            return built.type.getRawClass();
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }
}
