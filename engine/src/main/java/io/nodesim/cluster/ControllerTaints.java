package io.nodesim.cluster;

/**
 * The taints the node controllers manage, as bit flags. The keys are the real ones
 * ({@code node.kubernetes.io/unreachable} ...). The scenario's own node taints, which never change,
 * are not tracked here; their NoExecute ones count for eviction through
 * {@code tainteviction.ScenarioNoExecuteTaints}.
 */
public final class ControllerTaints {
    public static final int UNREACHABLE_NO_SCHEDULE = 1;
    public static final int NOT_READY_NO_SCHEDULE = 1 << 1;
    public static final int UNREACHABLE_NO_EXECUTE = 1 << 2;
    public static final int NOT_READY_NO_EXECUTE = 1 << 3;
    public static final int OUT_OF_SERVICE_NO_EXECUTE = 1 << 4;

    public static final int NO_SCHEDULE_MASK = UNREACHABLE_NO_SCHEDULE | NOT_READY_NO_SCHEDULE;
    public static final int NODE_CONTROLLER_NO_EXECUTE = UNREACHABLE_NO_EXECUTE | NOT_READY_NO_EXECUTE;
    public static final int NO_EXECUTE_MASK = NODE_CONTROLLER_NO_EXECUTE | OUT_OF_SERVICE_NO_EXECUTE;

    public static final String UNREACHABLE_KEY = "node.kubernetes.io/unreachable";
    public static final String NOT_READY_KEY = "node.kubernetes.io/not-ready";
    public static final String OUT_OF_SERVICE_KEY = "node.kubernetes.io/out-of-service";

    private ControllerTaints() {
    }

    /** The taint's text as kubectl prints it, for events. */
    /** The taint key of one bit. */
    public static String key(int bit) {
        return switch (bit) {
            case UNREACHABLE_NO_SCHEDULE, UNREACHABLE_NO_EXECUTE -> UNREACHABLE_KEY;
            case NOT_READY_NO_SCHEDULE, NOT_READY_NO_EXECUTE -> NOT_READY_KEY;
            default -> OUT_OF_SERVICE_KEY;
        };
    }

    public static String describe(int bit) {
        return switch (bit) {
            case UNREACHABLE_NO_SCHEDULE -> UNREACHABLE_KEY + ":NoSchedule";
            case NOT_READY_NO_SCHEDULE -> NOT_READY_KEY + ":NoSchedule";
            case UNREACHABLE_NO_EXECUTE -> UNREACHABLE_KEY + ":NoExecute";
            case NOT_READY_NO_EXECUTE -> NOT_READY_KEY + ":NoExecute";
            case OUT_OF_SERVICE_NO_EXECUTE -> OUT_OF_SERVICE_KEY + ":NoExecute";
            default -> throw new IllegalArgumentException("not a single taint bit: " + bit);
        };
    }

    /**
     * The NoSchedule taint the Ready condition calls for (nodeConditionToTaintKeyStatusMap). A node
     * without a Ready condition keeps the not-ready taint the TaintNodesAtCreation admission plugin
     * gave it at creation (plugin/pkg/admission/nodetaint), as a kubelet-registered node does.
     */
    public static int noScheduleFor(byte ready) {
        return switch (ready) {
            case Condition.FALSE, Condition.NONE -> NOT_READY_NO_SCHEDULE;
            case Condition.UNKNOWN -> UNREACHABLE_NO_SCHEDULE;
            default -> 0;
        };
    }

    /** The NoExecute taint the Ready condition calls for, or 0 when it is True. */
    public static int noExecuteFor(byte ready) {
        return switch (ready) {
            case Condition.FALSE -> NOT_READY_NO_EXECUTE;
            case Condition.UNKNOWN -> UNREACHABLE_NO_EXECUTE;
            default -> 0;
        };
    }
}
