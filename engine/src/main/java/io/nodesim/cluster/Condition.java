package io.nodesim.cluster;

/** The status of a node's Ready condition, as a byte in {@link NodeObjects}. */
public final class Condition {
    public static final byte TRUE = 0;
    public static final byte FALSE = 1;
    public static final byte UNKNOWN = 2;
    /** No Ready condition at all: a node whose kubelet has not posted a status yet. */
    public static final byte NONE = 3;

    private Condition() {
    }

    public static String name(byte status) {
        return switch (status) {
            case TRUE -> "True";
            case FALSE -> "False";
            case NONE -> "None";
            default -> "Unknown";
        };
    }
}
