package io.nodesim.scenario;

import io.nodesim.admission.PodAdmission;
import io.nodesim.admission.PriorityAdmission;
import io.nodesim.kernel.SimTime;
import io.nodesim.scenario.parse.AutoscalerSection;
import io.nodesim.scenario.parse.ComponentSections;
import io.nodesim.scenario.parse.DisruptionBudgetSection;
import io.nodesim.scenario.parse.HungRuntimeProbes;
import io.nodesim.scenario.parse.RemediationSection;
import io.nodesim.scenario.parse.FaultSection;
import io.nodesim.scenario.parse.ImportedOrigins;
import io.nodesim.scenario.parse.InitialPlacementSection;
import io.nodesim.scenario.parse.NodeSection;
import io.nodesim.scenario.parse.Origins;
import io.nodesim.scenario.parse.PriorityClassSection;
import io.nodesim.scenario.parse.Section;
import io.nodesim.scenario.parse.SetOverrides;
import io.nodesim.scenario.parse.SweepSectionReader;
import io.nodesim.scenario.parse.TimingSections;
import io.nodesim.scenario.parse.Values;
import io.nodesim.scenario.parse.WorkloadSection;
import io.nodesim.scenario.parse.YNode;
import io.nodesim.scenario.parse.YNode.YMap;
import io.nodesim.scenario.parse.YamlReader;
import io.nodesim.scheduler.InitialPlacement;
import io.nodesim.scheduler.NamespaceLabels;
import io.nodesim.scheduler.PodCompiler;
import io.nodesim.scheduler.SchedulerCache;
import io.nodesim.scheduler.SchedulerConfiguration;
import io.nodesim.scheduler.SchedulerConfigurations;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Loads a scenario file (DESIGN §2, {@code apiVersion: nodesim.io/v1alpha1}, {@code kind: Scenario})
 * into a validated {@link Scenario}: every setting resolved to its value from the file, a
 * {@code --set} override, or the version profile's default, with its origin recorded.
 *
 * <p>Every bad input throws {@link ScenarioException} naming the file, line, column and field path
 * and what is allowed. Any other exception is a bug in nodesim, not in the scenario, and is left to
 * surface as one.
 */
public final class ScenarioLoader {
    public static final String API_VERSION = "nodesim.io/v1alpha1";
    public static final String KIND = "Scenario";
    static final List<String> TOP_FIELDS = List.of("apiVersion", "kind", "metadata", "spec", "sweep");
    static final List<String> METADATA_FIELDS = List.of("name", "description", ImportedOrigins.FIELD);
    static final List<String> SPEC_FIELDS = List.of("kubernetesVersion", "seed", "replications", "duration",
            "kubelet", "kubeControllerManager", "kubeApiServer", "kubeScheduler", "latencies", "nodes",
            "workloads", "startup", "faults", "initialPlacement", "cloudControllerManager", "remediation",
            "clusterAutoscaler", "kubeProxy");
    /** Used when the file gives no duration: long enough for the default timeline (about 6 min) to finish. */
    public static final long DEFAULT_DURATION = SimTime.HOUR;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private ScenarioLoader() {
    }

    public static Scenario load(Path file) {
        return load(file, List.of());
    }

    /**
     * @param setOverrides {@code PATH=VALUE} strings, PATH relative to {@code spec}, applied in order
     */
    public static Scenario load(Path file, List<String> setOverrides) {
        return read(file, file.toString(), setOverrides);
    }

    /**
     * @param display the scenario's name in messages and reports, for a copy loaded from another
     *     place than the user's (a merge of sweep shards, a Spark executor)
     */
    public static Scenario load(Path file, String display, List<String> setOverrides) {
        return read(file, display, setOverrides);
    }

    /**
     * The file's top-level {@code sweep:} section, if it has one, checked for its shape. Call it on a
     * file that {@link #load} accepts (load checks the section too, so {@code validate} reports it).
     */
    public static Optional<SweepSection> sweepSection(Path file) {
        Section top = top(file, file.toString());
        return top.has("sweep") ? Optional.of(SweepSectionReader.read(top.get("sweep"))) : Optional.empty();
    }

    private static Section top(Path file, String display) {
        List<YNode> docs = YamlReader.readFile(file, display, null, null);
        if (docs.isEmpty()) {
            throw new ScenarioException(display, 0, 0, "", "the file is empty; a scenario starts with apiVersion: "
                    + API_VERSION);
        }
        if (docs.size() > 1) {
            throw docs.get(1).loc().error("", "a scenario file holds one document, this one has " + docs.size()
                    + " (workload manifests go in spec.workloads or a file named by `- file:`)");
        }
        return Section.of(docs.get(0), "", TOP_FIELDS);
    }

    private static Scenario read(Path file, String display, List<String> setOverrides) {
        Section top = top(file, display);
        expect(top, "apiVersion", API_VERSION);
        expect(top, "kind", KIND);
        if (top.has("sweep")) {
            // checked here so that validate reports a bad section; nodesim sweep reads it with sweepSection
            SweepSectionReader.read(top.get("sweep"));
        }
        String stem = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        String name = stem;
        String description = "";
        ImportedOrigins imported = ImportedOrigins.none();
        if (top.has("metadata")) {
            Section meta = Section.of(top.get("metadata"), "metadata", METADATA_FIELDS);
            if (meta.has("name")) {
                name = Values.string(meta.get("name"), "metadata.name");
                if (!NAME.matcher(name).matches()) {
                    throw meta.get("name").loc().error("metadata.name", "\"" + name + "\" cannot name an output "
                            + "folder: use letters, digits, '.', '_' and '-'");
                }
            }
            if (meta.has("description")) {
                description = Values.scalar(meta.get("description"), "metadata.description", "a string").text();
            }
            if (meta.has(ImportedOrigins.FIELD)) {
                imported = ImportedOrigins.read(meta.get(ImportedOrigins.FIELD));
            }
        }
        YMap spec = Values.map(top.require("spec", "spec"), "spec");
        Path baseDir = file.toAbsolutePath().getParent();
        if (spec.get("workloads") != null) {
            WorkloadSection.expandIncludes(spec.get("workloads"), baseDir);
        }
        Map<String, String> applied = SetOverrides.apply(spec, setOverrides);
        return spec(Section.of(spec, "", SPEC_FIELDS), name, description, display, baseDir, applied, imported);
    }

    private static Scenario spec(Section s, String name, String description, String display, Path baseDir,
            Map<String, String> applied, ImportedOrigins imported) {
        KubernetesVersion version = VersionProfiles.DEFAULT;
        if (s.has("kubernetesVersion")) {
            YNode v = s.get("kubernetesVersion");
            try {
                version = KubernetesVersion.parse(Values.scalar(v, "kubernetesVersion", "a version such as \"1.35\"").text());
            } catch (IllegalArgumentException e) {
                throw v.loc().error("kubernetesVersion", e.getMessage() + "; supported: "
                        + VersionProfiles.supportedRange());
            }
            if (version.compareTo(VersionProfiles.OLDEST) < 0 || version.compareTo(VersionProfiles.NEWEST) > 0) {
                throw v.loc().error("kubernetesVersion", "Kubernetes " + version
                        + " is outside the version profiles; supported: " + VersionProfiles.supportedRange());
            }
        }
        VersionProfiles.Row row = VersionProfiles.forVersion(version);
        Origins o = new Origins(row.profile().name());
        o.put("kubernetesVersion", s.has("kubernetesVersion") ? s.get("kubernetesVersion").loc().origin()
                : new SettingOrigin("default", "nodesim (the newest released profile)"));
        long seed = o.resolve(s, "seed", (n, p) -> Values.integer(n, p, Long.MIN_VALUE, Long.MAX_VALUE), 1L,
                Origins.nodesimDefault());
        int replications = o.resolve(s, "replications", (n, p) -> (int) Values.integer(n, p, 1, 1_000_000), 1,
                Origins.nodesimDefault());
        long duration = o.resolve(s, "duration", (n, p) -> {
            long d = Values.duration(n, p);
            if (d <= 0) {
                throw n.loc().error(p, "must be greater than 0");
            }
            return d;
        }, DEFAULT_DURATION, Origins.nodesimDefault());
        KubeletConfig kubelet = ComponentSections.kubelet(orEmpty(s, "kubelet"), version, row, o);
        ControllerManagerConfig kcm = ComponentSections.controllerManager(orEmpty(s, "kubeControllerManager"),
                version, row, o);
        ApiServerConfig apiServer = ComponentSections.apiServer(orEmpty(s, "kubeApiServer"), row, o);
        TrafficConfig traffic = ComponentSections.traffic(orEmpty(s, "kubeControllerManager"), orEmpty(s, "kubeProxy"),
                row, o);
        SchedulerConfiguration scheduler = SchedulerConfigurations.compile(orEmpty(s, "kubeScheduler"), version,
                row.profile());
        o.put("kubeScheduler", s.has("kubeScheduler") ? s.get("kubeScheduler").loc().origin()
                : new SettingOrigin("profile", row.profile().name() + " (the default plugins and weights)"));
        Latencies latencies = TimingSections.latencies(orEmpty(s, "latencies"), row, baseDir, o);
        List<NodeGroup> nodes = NodeSection.read(
                s.require("nodes", "nodes (at least one node or pool)"), baseDir, o);
        List<WorkloadSpec> workloads = List.of();
        if (s.has("workloads")) {
            PriorityAdmission priorities = new PriorityAdmission(PriorityClassSection.read(s.get("workloads"), o));
            workloads = PriorityClassSection.admit(s.get("workloads"), WorkloadSection.read(s.get("workloads"), o),
                    w -> PodAdmission.admit(w, apiServer, priorities));
        }
        Map<String, Map<String, String>> namespaces = s.has("workloads")
                ? WorkloadSection.namespaces(s.get("workloads"), o) : Map.of();
        compileTemplates(s, workloads, namespaces, version);
        List<DisruptionBudgetSpec> budgets = s.has("workloads")
                ? DisruptionBudgetSection.read(s.get("workloads"), version, o) : List.of();
        StartupConfig startup = TimingSections.startup(orEmpty(s, "startup"),
                workloads.stream().map(WorkloadSpec::name).toList(), baseDir, o);
        ImportedPlacement initialPlacement = s.has("initialPlacement")
                ? InitialPlacementSection.read(s.get("initialPlacement"), baseDir, workloads, nodes) : null;
        List<FaultSpec> faults = s.has("faults") ? FaultSection.read(s.get("faults"), nodes, baseDir, o) : List.of();
        if (s.has("faults")) {
            HungRuntimeProbes.refuseUnmodelled(s.get("faults"), faults, workloads, row);
        }
        ClusterAutoscalerConfig autoscaler = s.has("clusterAutoscaler")
                ? AutoscalerSection.read(s.get("clusterAutoscaler"), nodes, o) : ClusterAutoscalerConfig.DISABLED;
        // Overrides inside manifests, node entries or kubeScheduler are settings too: explain lists them.
        applied.forEach((path, arg) -> o.map().putIfAbsent(path, new SettingOrigin("--set", arg)));
        imported.apply(o.map());
        Scenario scenario = new Scenario(name, description, display, version, row.profile(), seed, replications,
                duration, kubelet, kcm, apiServer, scheduler, latencies, nodes, workloads, startup, faults, o.map(),
                initialPlacement, namespaces, budgets,
                ComponentSections.cloudControllerManager(orEmpty(s, "cloudControllerManager"), row, o),
                s.has("remediation") ? RemediationSection.read(s.get("remediation"), baseDir, o) : null,
                autoscaler, traffic);
        // A row whose pod no longer fits its node needs the compiled requests: checked here, for every command.
        InitialPlacement.bindImported(scenario);
        return scenario;
    }

    /** The scheduler model compiles every pod template here, so a template it rejects fails validate too. */
    private static void compileTemplates(Section s, List<WorkloadSpec> workloads,
            Map<String, Map<String, String>> namespaces, KubernetesVersion version) {
        PodCompiler compiler = new PodCompiler(new SchedulerCache(), true, NamespaceLabels.of(namespaces, version),
                version);
        for (int w = 0; w < workloads.size(); w++) {
            try {
                compiler.compile(workloads.get(w));
            } catch (IllegalArgumentException e) {
                YNode item = WorkloadSection.workloadItems(s.get("workloads")).get(w);
                List<YNode> all = Values.list(s.get("workloads"), "workloads").items();
                throw item.loc().error("workloads[" + all.indexOf(item) + "]",
                        e.getMessage());
            }
        }
    }

    private static YNode orEmpty(Section s, String key) {
        YNode n = s.get(key);
        return n != null ? n : new YMap(s.map().loc());
    }

    private static void expect(Section top, String key, String value) {
        YNode n = top.require(key, key + ": " + value);
        String got = Values.string(n, key);
        if (!got.equals(value)) {
            throw n.loc().error(key, "expected " + value + ", got \"" + got + "\"");
        }
    }
}
