package io.nodesim.importer.settings;

import com.fasterxml.jackson.databind.JsonNode;
import io.nodesim.importer.settings.CommandLine.Argument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The flags of kube-apiserver, kube-controller-manager and kube-scheduler read from their static pods
 * ({@code /etc/kubernetes/manifests/*.yaml}) or mirror pods
 * ({@code kubectl -n kube-system get pod -l tier=control-plane -o json}): a {@code v1 List}, a
 * {@code PodList} whose items carry no kind, one Pod, or several YAML documents. A container is
 * recognised by its name or its command's binary (also {@code hyperkube <component>}); etcd and other
 * containers are ignored. Flags come from {@code command} after the binary, then {@code args}.
 */
final class ControlPlanePods {
    /** What one file held: flags in the order given, and the image of each recognised container. */
    record Result(List<Flag> flags, List<Image> images, List<String> warnings) {
    }

    /** A control-plane container's image reference, a version candidate. */
    record Image(Component component, String reference, Provenance from) {
    }

    private ControlPlanePods() {
    }

    static Result read(Path file) {
        List<Flag> flags = new ArrayList<>();
        List<Image> images = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int pods = 0;
        for (Documents.Document d : Documents.read(file)) {
            List<Located> found = new ArrayList<>();
            collectPods(d.root(), d.at(), found);
            for (Located pod : found) {
                pods++;
                readPod(pod, flags, images, warnings);
            }
        }
        if (pods == 0) {
            throw Provenance.root(file.getFileName().toString()).error("no Pod found: expected the output of "
                    + "kubectl -n kube-system get pod -l tier=control-plane -o json, or static pod manifests");
        }
        return new Result(flags, images, warnings);
    }

    private record Located(JsonNode node, Provenance at) {
    }

    private static void collectPods(JsonNode n, Provenance at, List<Located> out) {
        if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                collectPods(n.get(i), at.index(i), out);
            }
            return;
        }
        if (!n.isObject()) {
            return;
        }
        JsonNode items = n.get("items");
        if (items != null && items.isArray()) {
            collectPods(items, at.field("items"), out);
            return;
        }
        String kind = n.path("kind").asText("");
        // typed PodList items carry no kind; a pod is then known by its spec.containers
        if (kind.equals("Pod") || (kind.isEmpty() && n.path("spec").path("containers").isArray())) {
            out.add(new Located(n, at));
        }
    }

    private static void readPod(Located pod, List<Flag> flags, List<Image> images, List<String> warnings) {
        JsonNode containers = pod.node().path("spec").path("containers");
        Provenance cAt = pod.at().field("spec").field("containers");
        for (int i = 0; i < containers.size(); i++) {
            JsonNode c = containers.get(i);
            Provenance at = cAt.index(i);
            List<Argument> command = strings(c.get("command"), at.field("command"));
            List<Argument> args = strings(c.get("args"), at.field("args"));
            Optional<Component> component = Component.named(c.path("name").asText(""));
            int skip = 0;
            if (!command.isEmpty()) {
                String binary = command.get(0).text();
                Optional<Component> byBinary = Component.named(binary);
                skip = 1;
                if (byBinary.isEmpty() && binary.endsWith("hyperkube") && command.size() > 1) {
                    byBinary = Component.hyperkube(command.get(1).text());
                    skip = 2;
                }
                if (byBinary.isPresent()) {
                    component = byBinary;
                } else if (component.isPresent() && isShell(binary)) {
                    warnings.add(at.field("command") + ": " + component.get().binary()
                            + " is started by a shell script; its flags are not read");
                    continue;
                }
            }
            if (component.isEmpty()) {
                continue;
            }
            List<Argument> all = new ArrayList<>(command.subList(Math.min(skip, command.size()), command.size()));
            all.addAll(args);
            flags.addAll(CommandLine.parse(component.get(), all));
            String image = c.path("image").asText("");
            if (!image.isEmpty()) {
                images.add(new Image(component.get(), image, at.field("image")));
            }
        }
    }

    private static boolean isShell(String binary) {
        String base = binary.substring(binary.lastIndexOf('/') + 1);
        return base.equals("sh") || base.equals("bash");
    }

    private static List<Argument> strings(JsonNode list, Provenance at) {
        List<Argument> out = new ArrayList<>();
        if (list == null || list.isNull()) {
            return out;
        }
        if (!list.isArray()) {
            throw at.error("expected a list of strings");
        }
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).isValueNode()) {
                throw at.index(i).error("expected a string");
            }
            out.add(new Argument(list.get(i).asText(), at.index(i)));
        }
        return out;
    }
}
