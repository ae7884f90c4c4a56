package io.nodesim.importer.settings;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code kubeadm-config} ConfigMap ({@code kubectl -n kube-system get cm kubeadm-config -o yaml}): its
 * {@code data.ClusterConfiguration} document gives {@code apiServer}, {@code controllerManager} and
 * {@code scheduler} {@code extraArgs} and {@code kubernetesVersion}. {@code kubeadm.k8s.io/v1beta4}
 * (kubeadm 1.31+) writes {@code extraArgs} as a list of {@code {name, value}} (a name may repeat; the
 * last is what the component's flag parser keeps); v1beta1 to v1beta3 as a map
 * ({@code cmd/kubeadm/app/apis/kubeadm/v1beta4/types.go}, {@code Arg}).
 */
final class KubeadmConfig {
    /** The flags kubeadm passes, and the {@code kubernetesVersion} it installed (null when absent). */
    record Result(List<Flag> flags, String kubernetesVersion, Provenance versionAt) {
    }

    private static final Map<String, Component> SECTIONS = Map.of(
            "apiServer", Component.KUBE_APISERVER,
            "controllerManager", Component.KUBE_CONTROLLER_MANAGER,
            "scheduler", Component.KUBE_SCHEDULER);
    private static final List<String> ORDER = List.of("apiServer", "controllerManager", "scheduler");

    private KubeadmConfig() {
    }

    static Result read(Path file) {
        List<Documents.Document> docs = Documents.read(file);
        Documents.Document cm = docs.get(0);
        JsonNode data = cm.root().path("data");
        Provenance at = cm.at().field("data").field("ClusterConfiguration");
        JsonNode embedded = data.get("ClusterConfiguration");
        if (!cm.root().path("kind").asText("").equals("ConfigMap") || embedded == null || !embedded.isTextual()) {
            throw at.error("expected the kubeadm-config ConfigMap with data.ClusterConfiguration, as printed by "
                    + "kubectl -n kube-system get configmap kubeadm-config -o yaml");
        }
        String display = file.getFileName() + "#" + at.jsonPath();
        Documents.Document cc = Documents.parse(embedded.asText(), file.getFileName().toString(), display).get(0);
        Provenance root = at.embedded();
        JsonNode config = cc.root();
        String apiVersion = config.path("apiVersion").asText("");
        if (!apiVersion.startsWith("kubeadm.k8s.io/") || !config.path("kind").asText("").equals("ClusterConfiguration")) {
            throw root.error("expected kind ClusterConfiguration of kubeadm.k8s.io, got " + apiVersion + " "
                    + config.path("kind").asText(""));
        }
        boolean lists = apiVersion.equals("kubeadm.k8s.io/v1beta4");
        List<Flag> flags = new ArrayList<>();
        for (String section : ORDER) {
            JsonNode extra = config.path(section).get("extraArgs");
            Provenance extraAt = root.field(section).field("extraArgs");
            if (extra == null || extra.isNull()) {
                continue;
            }
            List<CommandLine.Argument> args = new ArrayList<>();
            if (lists) {
                if (!extra.isArray()) {
                    throw extraAt.error(apiVersion + " writes extraArgs as a list of {name, value}");
                }
                for (int i = 0; i < extra.size(); i++) {
                    Provenance itemAt = extraAt.index(i);
                    String name = Documents.text(extra.get(i), "name", itemAt);
                    if (name == null) {
                        throw itemAt.field("name").error("required field missing: name");
                    }
                    String value = Documents.text(extra.get(i), "value", itemAt);
                    args.add(new CommandLine.Argument("--" + name + "=" + (value == null ? "" : value),
                            itemAt.field("value")));
                }
            } else {
                if (!extra.isObject()) {
                    throw extraAt.error(apiVersion + " writes extraArgs as a map of flag names to values");
                }
                extra.fields().forEachRemaining(e -> args.add(new CommandLine.Argument(
                        "--" + e.getKey() + "=" + e.getValue().asText(), extraAt.field(e.getKey()))));
            }
            flags.addAll(CommandLine.parse(SECTIONS.get(section), args));
        }
        String version = Documents.text(config, "kubernetesVersion", root);
        return new Result(flags, version, root.field("kubernetesVersion"));
    }
}
