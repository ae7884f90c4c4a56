package io.nodesim.scheduler.plugins;

/**
 * The scheduling framework's extension points ({@code pkg/scheduler/framework/interface.go}), with
 * the field that configures each in a profile's {@code plugins} ({@code null}: NormalizeScore is a
 * Score plugin's ScoreExtensions, not configured on its own).
 */
public enum ExtensionPoint {
    PRE_ENQUEUE("preEnqueue"),
    QUEUE_SORT("queueSort"),
    PRE_FILTER("preFilter"),
    FILTER("filter"),
    POST_FILTER("postFilter"),
    PRE_SCORE("preScore"),
    SCORE("score"),
    NORMALIZE_SCORE(null),
    RESERVE("reserve"),
    PERMIT("permit"),
    PRE_BIND("preBind"),
    BIND("bind"),
    POST_BIND("postBind");

    private final String field;

    ExtensionPoint(String field) {
        this.field = field;
    }

    /** The {@code plugins} field, or null. */
    public String field() {
        return field;
    }

    public static ExtensionPoint ofField(String field) {
        for (ExtensionPoint p : values()) {
            if (field.equals(p.field)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no extension point " + field);
    }
}
