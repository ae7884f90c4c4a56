package io.nodesim.autoscaler;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code expander/waste/waste.go}: the options that leave the smallest share of the new nodes'
 * cpu and memory unrequested, scored as wasted cpu fraction + wasted memory fraction (the options'
 * pending pods only; the template's DaemonSet pods are not counted, as upstream).
 */
final class LeastWasteExpander implements Expander {
    @Override
    public String name() {
        return "least-waste";
    }

    static double wastedScore(ExpansionOption o) {
        double cpu = (double) o.nodeCpu() * o.nodeCount();
        double mem = (double) o.nodeMemory() * o.nodeCount();
        return (cpu - o.requestedCpu()) / cpu + (mem - o.requestedMemory()) / mem;
    }

    @Override
    public List<ExpansionOption> bestOptions(List<ExpansionOption> options) {
        List<ExpansionOption> best = new ArrayList<>();
        double least = Double.MAX_VALUE;
        for (ExpansionOption o : options) {
            double score = wastedScore(o);
            if (score < least) {
                least = score;
                best.clear();
                best.add(o);
            } else if (score == least) {
                best.add(o);
            }
        }
        return best;
    }
}
