package io.nodesim.scheduler;

/** Taint effects as the small ints the hot path compares. */
public final class TaintEffects {
    /** A toleration without an effect tolerates every effect. */
    public static final int ANY_EFFECT = 0;
    public static final int NO_SCHEDULE = 1;
    public static final int PREFER_NO_SCHEDULE = 2;
    public static final int NO_EXECUTE = 3;

    /** The taint the node lifecycle controller puts on a node with {@code spec.unschedulable}. */
    public static final String UNSCHEDULABLE_KEY = "node.kubernetes.io/unschedulable";

    private TaintEffects() {
    }

    public static int effect(String name) {
        if (name == null || name.isEmpty()) {
            return ANY_EFFECT;
        }
        return switch (name) {
            case "NoSchedule" -> NO_SCHEDULE;
            case "PreferNoSchedule" -> PREFER_NO_SCHEDULE;
            case "NoExecute" -> NO_EXECUTE;
            default -> throw new IllegalArgumentException("taint effect \"" + name
                    + "\" is not one of NoSchedule, PreferNoSchedule, NoExecute");
        };
    }

    public static String effectName(int effect) {
        return switch (effect) {
            case NO_SCHEDULE -> "NoSchedule";
            case PREFER_NO_SCHEDULE -> "PreferNoSchedule";
            case NO_EXECUTE -> "NoExecute";
            default -> "";
        };
    }

    /** The effect of one controller taint bit ({@link io.nodesim.cluster.ControllerTaints}). */
    public static int ofControllerTaint(int bit) {
        return (bit & io.nodesim.cluster.ControllerTaints.NO_SCHEDULE_MASK) != 0 ? NO_SCHEDULE : NO_EXECUTE;
    }
}
