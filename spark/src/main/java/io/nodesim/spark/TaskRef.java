package io.nodesim.spark;

import io.nodesim.experiment.Sweep.SweepTask;
import java.io.Serializable;
import java.util.ArrayList;

/** A {@link SweepTask} on its way to an executor, in serializable form. */
record TaskRef(int task, int point, int replication, ArrayList<String> overrides) implements Serializable {
    private static final long serialVersionUID = 1L;

    static TaskRef of(SweepTask t) {
        return new TaskRef(t.task(), t.point(), t.replication(), new ArrayList<>(t.overrides()));
    }
}
