package io.nodesim.scenario.parse;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetSpec;
import io.nodesim.scenario.DisruptionBudgetSpec;
import io.nodesim.scenario.DisruptionBudgetSpec.IntOrPercent;
import io.nodesim.scenario.parse.YNode.YList;
import io.nodesim.scenario.parse.YNode.YMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code policy/v1 PodDisruptionBudget} manifests of {@code spec.workloads}, checked as the
 * API server validates them ({@code pkg/apis/policy/validation} {@code ValidatePodDisruptionBudgetSpec}:
 * not both minAvailable and maxUnavailable, each an integer >= 0 or a percentage 0%..100%).
 */
public final class DisruptionBudgetSection {
    public static final String KIND = "PodDisruptionBudget";
    private static final Pattern PERCENT = Pattern.compile("(\\d+)%");
    private static final List<String> POLICIES = List.of("IfHealthyBudget", "AlwaysAllow");

    private DisruptionBudgetSection() {
    }

    static boolean isBudget(YNode item) {
        return item instanceof YMap m && m.get("kind") instanceof YNode.YScalar k && KIND.equals(k.text());
    }

    public static List<DisruptionBudgetSpec> read(YNode node, Origins o) {
        YList list = Values.list(node, "workloads");
        List<DisruptionBudgetSpec> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.items().size(); i++) {
            YNode item = list.items().get(i);
            if (!isBudget(item)) {
                continue;
            }
            String path = "workloads[" + i + "]";
            YMap m = Values.map(item, path);
            YNode av = m.get("apiVersion");
            if (av == null || !"policy/v1".equals(Values.string(av, path + ".apiVersion"))) {
                throw (av == null ? m.loc() : av.loc()).error(path + ".apiVersion",
                        "a PodDisruptionBudget needs apiVersion: policy/v1" + (av == null ? "" : ", got " + av.describe()));
            }
            PodDisruptionBudget pdb = ManifestReader.read(item, PodDisruptionBudget.class, path);
            ObjectMeta meta = pdb.getMetadata();
            if (meta == null || meta.getName() == null || meta.getName().isBlank()) {
                throw m.loc().error(path + ".metadata.name", "required field missing: metadata.name");
            }
            if (m.get("spec") == null) {
                throw m.loc().error(path + ".spec", "required field missing: spec");
            }
            YMap specNode = Values.map(m.get("spec"), path + ".spec");
            String sp = path + ".spec";
            PodDisruptionBudgetSpec spec = pdb.getSpec();
            IntOrPercent min = value(specNode, "minAvailable", sp, spec.getMinAvailable());
            IntOrPercent max = value(specNode, "maxUnavailable", sp, spec.getMaxUnavailable());
            if (min != null && max != null) {
                throw specNode.get("maxUnavailable").loc().error(sp + ".maxUnavailable",
                        "minAvailable and maxUnavailable cannot be both set");
            }
            String policy = spec.getUnhealthyPodEvictionPolicy();
            if (policy != null && !POLICIES.contains(policy)) {
                throw specNode.get("unhealthyPodEvictionPolicy").loc().error(sp + ".unhealthyPodEvictionPolicy",
                        "expected one of " + String.join(", ", POLICIES) + ", got \"" + policy + "\""
                                + DidYouMean.hint(policy, POLICIES));
            }
            DisruptionBudgetSpec budget = new DisruptionBudgetSpec(meta.getName(), meta.getNamespace(), min, max,
                    selector(specNode, sp, spec.getSelector()), "AlwaysAllow".equals(policy));
            if (!names.add(budget.displayName())) {
                throw m.loc().error(path + ".metadata.name", "PodDisruptionBudget \"" + budget.displayName()
                        + "\" is declared twice");
            }
            o.written(path, item);
            out.add(budget);
        }
        return out;
    }

    private static IntOrPercent value(YMap spec, String field, String sp, IntOrString v) {
        if (v == null) {
            return null;
        }
        YNode at = spec.get(field);
        if (v.getIntVal() != null) {
            if (v.getIntVal() < 0) {
                throw at.loc().error(sp + "." + field, "must be greater than or equal to 0, got " + v.getIntVal());
            }
            return new IntOrPercent(v.getIntVal(), false);
        }
        Matcher p = PERCENT.matcher(v.getStrVal());
        if (!p.matches()) {
            throw at.loc().error(sp + "." + field, "expected an integer or a percentage such as \"25%\", got \""
                    + v.getStrVal() + "\"");
        }
        int percent = Integer.parseInt(p.group(1));
        if (percent > 100) {
            throw at.loc().error(sp + "." + field, "must not be greater than 100%, got " + v.getStrVal());
        }
        return new IntOrPercent(percent, true);
    }

    private static java.util.Map<String, String> selector(YMap spec, String sp, LabelSelector selector) {
        YNode at = spec.get("selector") == null ? spec : spec.get("selector");
        if (selector != null && selector.getMatchExpressions() != null && !selector.getMatchExpressions().isEmpty()) {
            throw at.loc().error(sp + ".selector.matchExpressions",
                    "nodesim supports selector.matchLabels only; write the selector as matchLabels");
        }
        if (selector == null || selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty()) {
            throw at.loc().error(sp + ".selector", "required field missing: selector.matchLabels (a budget without "
                    + "a selector selects no pod)");
        }
        return selector.getMatchLabels();
    }
}
