package io.nodesim.scheduler;

import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiled node selector terms (component-helpers {@code nodeaffinity.NodeSelector}): terms ORed,
 * requirements within a term ANDed; a term with no requirement matches no node. Label keys and values
 * are interned, so matching a node compares ints. {@code matchFields} supports {@code metadata.name}.
 *
 * <p>As upstream builds each term lazily ({@code newNodeSelectorTerm}: {@code labels.NewRequirement}
 * for matchExpressions, one value per matchFields requirement), a term that fails to parse matches no
 * node while the other terms still count: an invalid key or value, In / NotIn without values,
 * Exists / DoesNotExist with values, Gt / Lt without exactly one integer, matchFields In / NotIn
 * without exactly one value. An unknown operator or field key stays a load error (the API server
 * rejects those pods). {@link #parseErrors()} says what failed.
 */
public final class NodeSelectorTerms {
    private static final int IN = 0;
    private static final int NOT_IN = 1;
    private static final int EXISTS = 2;
    private static final int DOES_NOT_EXIST = 3;
    private static final int GT = 4;
    private static final int LT = 5;

    private record Requirement(int key, int op, int[] values, long number, Set<String> names) {
        boolean matches(SchedulerCache nodes, int node) {
            if (names != null) {
                boolean in = names.contains(nodes.name(node));
                return op == IN ? in : !in;
            }
            int v = nodes.labelValue(node, key);
            switch (op) {
                case IN:
                    return v != Symbols.ABSENT && contains(values, v);
                case NOT_IN:
                    return v == Symbols.ABSENT || !contains(values, v);
                case EXISTS:
                    return v != Symbols.ABSENT;
                case DOES_NOT_EXIST:
                    return v == Symbols.ABSENT;
                default:
                    if (v == Symbols.ABSENT) {
                        return false;
                    }
                    long n;
                    try {
                        n = Long.parseLong(nodes.symbols().name(v));
                    } catch (NumberFormatException e) {
                        return false;
                    }
                    return op == GT ? n > number : n < number;
            }
        }
    }

    private static final Requirement[] MATCHES_NOTHING = new Requirement[0];

    private final Requirement[][] terms;
    /** Node names the terms pin the pod to (NodeAffinity PreFilter), or null when any node may match. */
    private final Set<String> pinnedNames;
    private final List<String> parseErrors;

    private NodeSelectorTerms(Requirement[][] terms, Set<String> pinnedNames, List<String> parseErrors) {
        this.terms = terms;
        this.pinnedNames = pinnedNames;
        this.parseErrors = List.copyOf(parseErrors);
    }

    /**
     * The term the DaemonSet controller pins a daemon pod with ({@code matchFields metadata.name In
     * [node]}), as {@link #of} compiles it, without building the API objects for each pod.
     */
    public static NodeSelectorTerms pinnedTo(String node) {
        // one set for the requirement and the pinned names: 100,000 daemon pods at t = 0 in a
        // 100,000-node cluster, and neither is ever changed
        Set<String> names = Set.of(node);
        Requirement name = new Requirement(-1, IN, NO_VALUES, 0, names);
        return new NodeSelectorTerms(new Requirement[][] {{name}}, names, List.of());
    }

    private static final int[] NO_VALUES = new int[0];

    /** The pod's {@code nodeSelector} map as one term of {@code In} requirements. */
    public static NodeSelectorTerms ofNodeSelector(Map<String, String> selector, Symbols symbols) {
        Requirement[] term = new Requirement[selector.size()];
        int i = 0;
        for (Map.Entry<String, String> e : selector.entrySet()) {
            term[i++] = new Requirement(symbols.intern(e.getKey()), IN, new int[] {symbols.intern(e.getValue())}, 0,
                    null);
        }
        return new NodeSelectorTerms(new Requirement[][] {term}, null, List.of());
    }

    public static NodeSelectorTerms of(List<NodeSelectorTerm> terms, Symbols symbols) {
        Requirement[][] compiled = new Requirement[terms.size()][];
        Set<String> pinned = new java.util.HashSet<>();
        List<String> errors = new ArrayList<>();
        boolean everyTermPins = !terms.isEmpty();
        for (int t = 0; t < terms.size(); t++) {
            NodeSelectorTerm term = terms.get(t);
            List<Requirement> reqs = new ArrayList<>();
            int errorsBefore = errors.size();
            if (term.getMatchExpressions() != null) {
                List<NodeSelectorRequirement> exprs = term.getMatchExpressions();
                for (int i = 0; i < exprs.size(); i++) {
                    reqs.add(label(exprs.get(i), symbols, errors, "[" + t + "].matchExpressions[" + i + "]"));
                }
            }
            Set<String> termNames = null;
            if (term.getMatchFields() != null) {
                List<NodeSelectorRequirement> fields = term.getMatchFields();
                for (int i = 0; i < fields.size(); i++) {
                    Requirement f = field(fields.get(i), errors, "[" + t + "].matchFields[" + i + "]");
                    reqs.add(f);
                    if (f.op == IN) {
                        // requirements of one term are ANDed: the term pins the intersection
                        termNames = termNames == null ? new java.util.HashSet<>(f.names) : termNames;
                        termNames.retainAll(f.names);
                    }
                }
            }
            if (termNames == null) {
                everyTermPins = false;
            } else {
                pinned.addAll(termNames);
            }
            compiled[t] = errors.size() > errorsBefore ? MATCHES_NOTHING : reqs.toArray(new Requirement[0]);
        }
        return new NodeSelectorTerms(compiled, everyTermPins ? Set.copyOf(pinned) : null, errors);
    }

    /** labels.NewRequirement's checks; a failed one is added to {@code errors}. */
    private static Requirement label(NodeSelectorRequirement r, Symbols symbols, List<String> errors, String path) {
        List<String> values = r.getValues() == null ? List.of() : r.getValues();
        String key = r.getKey() == null ? "" : r.getKey();
        int op = switch (r.getOperator()) {
            case "In" -> IN;
            case "NotIn" -> NOT_IN;
            case "Exists" -> EXISTS;
            case "DoesNotExist" -> DOES_NOT_EXIST;
            case "Gt" -> GT;
            case "Lt" -> LT;
            default -> throw new IllegalArgumentException("node selector operator \"" + r.getOperator()
                    + "\" is not one of In, NotIn, Exists, DoesNotExist, Gt, Lt");
        };
        if (!LabelSyntax.isQualifiedName(key)) {
            errors.add(path + ".key: invalid label key \"" + key + "\"");
        }
        if ((op == IN || op == NOT_IN) && values.isEmpty()) {
            errors.add(path + ".values: for 'in', 'notin' operators, values set can't be empty");
        } else if ((op == EXISTS || op == DOES_NOT_EXIST) && !values.isEmpty()) {
            errors.add(path + ".values: values set must be empty for exists and does not exist");
        }
        long number = 0;
        if (op == GT || op == LT) {
            if (values.size() != 1) {
                errors.add(path + ".values: for 'Gt', 'Lt' operators, exactly one value is required");
            }
            for (String v : values) {
                try {
                    number = Long.parseLong(v);
                } catch (NumberFormatException e) {
                    errors.add(path + ".values: for 'Gt', 'Lt' operators, the value must be an integer, got \"" + v + "\"");
                }
            }
        }
        for (String v : values) {
            if (!LabelSyntax.isValidLabelValue(v)) {
                errors.add(path + ".values: invalid label value \"" + v + "\"");
            }
        }
        int[] ids = values.stream().mapToInt(symbols::intern).toArray();
        Arrays.sort(ids);
        return new Requirement(symbols.intern(key), op, ids, number, null);
    }

    /** nodeSelectorRequirementsAsFieldSelector: In / NotIn with exactly one value. */
    private static Requirement field(NodeSelectorRequirement r, List<String> errors, String path) {
        if (!"metadata.name".equals(r.getKey())) {
            throw new IllegalArgumentException("matchFields supports only metadata.name, got " + r.getKey());
        }
        int op = switch (r.getOperator()) {
            case "In" -> IN;
            case "NotIn" -> NOT_IN;
            default -> throw new IllegalArgumentException("matchFields operator must be In or NotIn");
        };
        List<String> values = r.getValues() == null ? List.of() : r.getValues();
        if (values.size() != 1) {
            errors.add(path + ".values: must have one element");
        }
        return new Requirement(-1, op, new int[0], 0, Set.copyOf(values));
    }

    /** Why terms match nothing (field path within the terms, and the reason); empty when all parsed. */
    public List<String> parseErrors() {
        return parseErrors;
    }

    public boolean matches(SchedulerCache nodes, int node) {
        for (Requirement[] term : terms) {
            if (term.length == 0) {
                continue;
            }
            boolean all = true;
            for (Requirement r : term) {
                if (!r.matches(nodes, node)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    public Set<String> pinnedNames() {
        return pinnedNames;
    }

    private static boolean contains(int[] sorted, int v) {
        return Arrays.binarySearch(sorted, v) >= 0;
    }
}
