package io.nodesim.scenario.parse;

import io.nodesim.kernel.DurationDistribution;
import io.nodesim.scenario.RemediationSpec;
import java.nio.file.Path;
import java.util.List;

/** {@code spec.remediation}: {@code notReadyFor} (duration), {@code delay} (distribution), {@code action}. */
public final class RemediationSection {
    private static final String PATH = "remediation";

    private RemediationSection() {
    }

    public static RemediationSpec read(YNode node, Path baseDir, Origins o) {
        Section s = Section.of(node, PATH, List.of("notReadyFor", "delay", "action"));
        long notReadyFor = Values.duration(s.require("notReadyFor", "notReadyFor (a duration, e.g. 5m)"),
                s.path("notReadyFor"));
        if (notReadyFor < 0) {
            throw s.get("notReadyFor").loc().error(s.path("notReadyFor"), "must be >= 0");
        }
        DurationDistribution delay = Values.distribution(
                s.require("delay", "delay (a distribution, e.g. lognormal(20m, 1))"), s.path("delay"), baseDir);
        String action = RemediationSpec.OUT_OF_SERVICE_TAINT;
        if (s.has("action")) {
            action = Values.string(s.get("action"), s.path("action"));
            if (!RemediationSpec.ACTIONS.contains(action)) {
                throw s.get("action").loc().error(s.path("action"), "\"action\" is one of "
                        + String.join(", ", RemediationSpec.ACTIONS) + DidYouMean.hint(action, RemediationSpec.ACTIONS)
                        + ", got \"" + action + "\"");
            }
        }
        o.put(PATH, node.loc().origin());
        return new RemediationSpec(notReadyFor, delay, action);
    }
}
