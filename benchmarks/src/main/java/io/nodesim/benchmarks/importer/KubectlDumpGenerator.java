package io.nodesim.benchmarks.importer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes what {@code kubectl get nodes,pods,deployments,replicasets -A -o json} prints for a large
 * cluster: a {@code v1 List} of NODES Nodes (labels, a user taint, 30 images, nodeInfo, conditions),
 * Deployments of PODS_PER_DEPLOYMENT replicas with their ReplicaSets, and every pod as the API server
 * stores it (managedFields of two managers, admission tolerations, the service-account volume, env,
 * probes, status with conditions and containerStatuses), 4-space indented like kubectl's JSON.
 * {@code java -cp benchmarks.jar io.nodesim.benchmarks.importer.KubectlDumpGenerator FILE [NODES PODS]}.
 */
public final class KubectlDumpGenerator {
    static final int PODS_PER_DEPLOYMENT = 50;

    private KubectlDumpGenerator() {
    }

    public static void main(String[] args) throws IOException {
        int nodes = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int pods = args.length > 2 ? Integer.parseInt(args[2]) : 150_000;
        write(Path.of(args[0]), nodes, pods);
    }

    public static void write(Path file, int nodes, int pods) throws IOException {
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("    ", "\n"))
                .withArrayIndenter(new DefaultIndenter("    ", "\n"));
        try (OutputStream out = Files.newOutputStream(file);
                JsonGenerator g = new JsonFactory().createGenerator(out).setPrettyPrinter(pretty)) {
            g.writeStartObject();
            g.writeStringField("apiVersion", "v1");
            g.writeArrayFieldStart("items");
            for (int n = 0; n < nodes; n++) {
                node(g, n);
            }
            int deployments = (pods + PODS_PER_DEPLOYMENT - 1) / PODS_PER_DEPLOYMENT;
            for (int d = 0; d < deployments; d++) {
                deployment(g, d);
                replicaSet(g, d);
            }
            for (int p = 0; p < pods; p++) {
                pod(g, p, p / PODS_PER_DEPLOYMENT, "node-" + (p % nodes));
            }
            g.writeEndArray();
            g.writeStringField("kind", "List");
            g.writeObjectFieldStart("metadata");
            g.writeStringField("resourceVersion", "");
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    private static String uid(char kind, int i) {
        return String.format("%c%07x-0000-4000-8000-%012x", kind, i, (long) i * 7919);
    }

    private static void node(JsonGenerator g, int n) throws IOException {
        String name = "node-" + n;
        g.writeStartObject();
        g.writeStringField("apiVersion", "v1");
        g.writeStringField("kind", "Node");
        g.writeObjectFieldStart("metadata");
        g.writeObjectFieldStart("annotations");
        g.writeStringField("node.alpha.kubernetes.io/ttl", "0");
        g.writeStringField("volumes.kubernetes.io/controller-managed-attach-detach", "true");
        g.writeEndObject();
        g.writeStringField("creationTimestamp", "2025-03-02T09:13:02Z");
        g.writeObjectFieldStart("labels");
        g.writeStringField("kubernetes.io/arch", "amd64");
        g.writeStringField("kubernetes.io/hostname", name);
        g.writeStringField("kubernetes.io/os", "linux");
        g.writeStringField("node.kubernetes.io/instance-type", "m6i.8xlarge");
        g.writeStringField("topology.kubernetes.io/region", "eu-west-1");
        g.writeStringField("topology.kubernetes.io/zone", "eu-west-1" + (char) ('a' + n % 3));
        g.writeEndObject();
        managedFields(g, "kubelet");
        g.writeStringField("name", name);
        g.writeStringField("resourceVersion", String.valueOf(100000 + n));
        g.writeStringField("uid", uid('e', n));
        g.writeEndObject();
        g.writeObjectFieldStart("spec");
        g.writeStringField("podCIDR", "10.1." + (n % 250) + ".0/24");
        g.writeStringField("providerID", "aws:///eu-west-1a/i-0" + Integer.toHexString(0x1000000 + n));
        if (n % 100 == 0) {
            g.writeArrayFieldStart("taints");
            g.writeStartObject();
            g.writeStringField("effect", "NoSchedule");
            g.writeStringField("key", "dedicated");
            g.writeStringField("value", "ingress");
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeEndObject();
        g.writeObjectFieldStart("status");
        g.writeArrayFieldStart("addresses");
        g.writeStartObject();
        g.writeStringField("address", "10.0." + (n / 250) + "." + (n % 250));
        g.writeStringField("type", "InternalIP");
        g.writeEndObject();
        g.writeEndArray();
        for (String f : new String[] {"allocatable", "capacity"}) {
            g.writeObjectFieldStart(f);
            g.writeStringField("cpu", "31850m");
            g.writeStringField("ephemeral-storage", "95491648658");
            g.writeStringField("memory", "127601172Ki");
            g.writeStringField("pods", "110");
            g.writeEndObject();
        }
        g.writeArrayFieldStart("conditions");
        for (String c : new String[] {"MemoryPressure", "DiskPressure", "PIDPressure", "Ready"}) {
            g.writeStartObject();
            g.writeStringField("lastHeartbeatTime", "2025-03-02T11:02:13Z");
            g.writeStringField("lastTransitionTime", "2025-03-02T09:13:10Z");
            g.writeStringField("message", c.equals("Ready") ? "kubelet is posting ready status" : "kubelet has no " + c);
            g.writeStringField("reason", c.equals("Ready") ? "KubeletReady" : "KubeletHasNo" + c);
            g.writeStringField("status", c.equals("Ready") ? "True" : "False");
            g.writeStringField("type", c);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("images");
        for (int i = 0; i < 30; i++) {
            g.writeStartObject();
            g.writeArrayFieldStart("names");
            g.writeString("registry.example.com/team-" + (i % 7) + "/app-" + i + "@sha256:"
                    + String.format("%064x", (long) i * 1_000_003L));
            g.writeString("registry.example.com/team-" + (i % 7) + "/app-" + i + ":v1." + i);
            g.writeEndArray();
            g.writeNumberField("sizeBytes", 20_000_000L + i * 1_000_000L);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("nodeInfo");
        g.writeStringField("containerRuntimeVersion", "containerd://1.7.24");
        g.writeStringField("kernelVersion", "6.1.127-135.201.amzn2023.x86_64");
        g.writeStringField("kubeProxyVersion", "v1.32.2-eks-677bac1");
        g.writeStringField("kubeletVersion", "v1.32.2-eks-677bac1");
        g.writeStringField("operatingSystem", "linux");
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void managedFields(JsonGenerator g, String manager) throws IOException {
        g.writeArrayFieldStart("managedFields");
        for (String m : new String[] {manager, "kube-controller-manager"}) {
            g.writeStartObject();
            g.writeStringField("apiVersion", "v1");
            g.writeStringField("fieldsType", "FieldsV1");
            g.writeObjectFieldStart("fieldsV1");
            g.writeObjectFieldStart("f:metadata");
            g.writeObjectFieldStart("f:labels");
            g.writeObjectFieldStart(".");
            g.writeEndObject();
            for (String l : new String[] {"f:app", "f:pod-template-hash", "f:team"}) {
                g.writeObjectFieldStart(l);
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
            g.writeObjectFieldStart("f:status");
            g.writeObjectFieldStart("f:conditions");
            for (String c : new String[] {"k:{\"type\":\"ContainersReady\"}", "k:{\"type\":\"Initialized\"}",
                "k:{\"type\":\"PodScheduled\"}", "k:{\"type\":\"Ready\"}"}) {
                g.writeObjectFieldStart(c);
                for (String f : new String[] {".", "f:lastProbeTime", "f:lastTransitionTime", "f:status", "f:type"}) {
                    g.writeObjectFieldStart(f);
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
            g.writeStringField("manager", m);
            g.writeStringField("operation", "Update");
            g.writeStringField("time", "2025-03-02T10:01:07Z");
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void deployment(JsonGenerator g, int d) throws IOException {
        g.writeStartObject();
        g.writeStringField("apiVersion", "apps/v1");
        g.writeStringField("kind", "Deployment");
        g.writeObjectFieldStart("metadata");
        g.writeStringField("name", "app-" + d);
        g.writeStringField("namespace", "team-" + (d % 40));
        g.writeStringField("uid", uid('d', d));
        g.writeEndObject();
        g.writeObjectFieldStart("spec");
        g.writeNumberField("replicas", PODS_PER_DEPLOYMENT);
        selector(g, d, false);
        g.writeObjectFieldStart("template");
        podSpecBody(g, d, null, false);
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void replicaSet(JsonGenerator g, int d) throws IOException {
        g.writeStartObject();
        g.writeStringField("apiVersion", "apps/v1");
        g.writeStringField("kind", "ReplicaSet");
        g.writeObjectFieldStart("metadata");
        g.writeObjectFieldStart("annotations");
        g.writeStringField("deployment.kubernetes.io/revision", "1");
        g.writeEndObject();
        g.writeStringField("name", "app-" + d + "-" + hash(d));
        g.writeStringField("namespace", "team-" + (d % 40));
        owner(g, "Deployment", "app-" + d, uid('d', d));
        g.writeStringField("uid", uid('r', d));
        g.writeEndObject();
        g.writeObjectFieldStart("spec");
        g.writeNumberField("replicas", PODS_PER_DEPLOYMENT);
        selector(g, d, true);
        g.writeObjectFieldStart("template");
        podSpecBody(g, d, null, true);
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static String hash(int d) {
        return String.format("%010x", (long) d * 2654435761L & 0xffffffffffL).substring(0, 10);
    }

    private static void selector(JsonGenerator g, int d, boolean withHash) throws IOException {
        g.writeObjectFieldStart("selector");
        g.writeObjectFieldStart("matchLabels");
        g.writeStringField("app", "app-" + d);
        if (withHash) {
            g.writeStringField("pod-template-hash", hash(d));
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void owner(JsonGenerator g, String kind, String name, String uid) throws IOException {
        g.writeArrayFieldStart("ownerReferences");
        g.writeStartObject();
        g.writeStringField("apiVersion", "apps/v1");
        g.writeBooleanField("blockOwnerDeletion", true);
        g.writeBooleanField("controller", true);
        g.writeStringField("kind", kind);
        g.writeStringField("name", name);
        g.writeStringField("uid", uid);
        g.writeEndObject();
        g.writeEndArray();
    }

    private static void pod(JsonGenerator g, int p, int d, String node) throws IOException {
        g.writeStartObject();
        g.writeStringField("apiVersion", "v1");
        g.writeStringField("kind", "Pod");
        String name = "app-" + d + "-" + hash(d) + "-" + Integer.toString(36 * 36 * 36 * 36 + p, 36);
        g.writeObjectFieldStart("metadata");
        g.writeStringField("creationTimestamp", "2025-03-02T10:01:07Z");
        g.writeStringField("generateName", "app-" + d + "-" + hash(d) + "-");
        g.writeObjectFieldStart("labels");
        g.writeStringField("app", "app-" + d);
        g.writeStringField("pod-template-hash", hash(d));
        g.writeStringField("team", "team-" + (d % 40));
        g.writeEndObject();
        managedFields(g, "kubelet");
        g.writeStringField("name", name);
        g.writeStringField("namespace", "team-" + (d % 40));
        owner(g, "ReplicaSet", "app-" + d + "-" + hash(d), uid('r', d));
        g.writeStringField("resourceVersion", String.valueOf(200000 + p));
        g.writeStringField("uid", uid('f', p));
        g.writeEndObject();
        podSpecBody(g, d, node, true);
        g.writeObjectFieldStart("status");
        g.writeArrayFieldStart("conditions");
        for (String c : new String[] {"Initialized", "Ready", "ContainersReady", "PodScheduled"}) {
            g.writeStartObject();
            g.writeNullField("lastProbeTime");
            g.writeStringField("lastTransitionTime", "2025-03-02T10:01:12Z");
            g.writeStringField("status", "True");
            g.writeStringField("type", c);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("containerStatuses");
        g.writeStartObject();
        g.writeStringField("containerID", "containerd://" + String.format("%064x", (long) p * 31L));
        g.writeStringField("image", "registry.example.com/team-" + (d % 7) + "/app-" + (d % 30) + ":v1." + (d % 30));
        g.writeStringField("imageID", "registry.example.com/team-" + (d % 7) + "/app-" + (d % 30) + "@sha256:"
                + String.format("%064x", (long) (d % 30) * 1_000_003L));
        g.writeNumberField("restartCount", 0);
        g.writeBooleanField("ready", true);
        g.writeBooleanField("started", true);
        g.writeStringField("name", "app");
        g.writeObjectFieldStart("state");
        g.writeObjectFieldStart("running");
        g.writeStringField("startedAt", "2025-03-02T10:01:09Z");
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
        g.writeStringField("hostIP", "10.0.0.1");
        g.writeStringField("phase", "Running");
        g.writeStringField("podIP", "10.1." + (p % 250) + "." + (p / 250 % 250));
        g.writeStringField("qosClass", "Burstable");
        g.writeStringField("startTime", "2025-03-02T10:01:07Z");
        g.writeEndObject();
        g.writeEndObject();
    }

    /** A template's {@code metadata} and {@code spec}, or a pod's {@code spec} alone when node is given. */
    private static void podSpecBody(JsonGenerator g, int d, String node, boolean withHash) throws IOException {
        if (node == null) {
            g.writeObjectFieldStart("metadata");
            g.writeObjectFieldStart("labels");
            g.writeStringField("app", "app-" + d);
            if (withHash) {
                g.writeStringField("pod-template-hash", hash(d));
            }
            g.writeStringField("team", "team-" + (d % 40));
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeObjectFieldStart("spec");
        g.writeArrayFieldStart("containers");
        g.writeStartObject();
        g.writeArrayFieldStart("env");
        for (String e : new String[] {"LOG_LEVEL", "OTEL_EXPORTER_OTLP_ENDPOINT", "GOMAXPROCS"}) {
            g.writeStartObject();
            g.writeStringField("name", e);
            g.writeStringField("value", "value-of-" + e.toLowerCase());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("image", "registry.example.com/team-" + (d % 7) + "/app-" + (d % 30) + ":v1." + (d % 30));
        g.writeStringField("imagePullPolicy", "IfNotPresent");
        g.writeStringField("name", "app");
        g.writeArrayFieldStart("ports");
        g.writeStartObject();
        g.writeNumberField("containerPort", 8080);
        g.writeStringField("name", "http");
        g.writeStringField("protocol", "TCP");
        g.writeEndObject();
        g.writeEndArray();
        g.writeObjectFieldStart("readinessProbe");
        g.writeNumberField("failureThreshold", 3);
        g.writeObjectFieldStart("httpGet");
        g.writeStringField("path", "/healthz");
        g.writeNumberField("port", 8080);
        g.writeStringField("scheme", "HTTP");
        g.writeEndObject();
        g.writeNumberField("initialDelaySeconds", 5);
        g.writeNumberField("periodSeconds", 10);
        g.writeNumberField("successThreshold", 1);
        g.writeNumberField("timeoutSeconds", 1);
        g.writeEndObject();
        g.writeObjectFieldStart("resources");
        g.writeObjectFieldStart("requests");
        g.writeStringField("cpu", "100m");
        g.writeStringField("memory", "128Mi");
        g.writeEndObject();
        g.writeEndObject();
        g.writeArrayFieldStart("volumeMounts");
        g.writeStartObject();
        g.writeStringField("mountPath", "/var/run/secrets/kubernetes.io/serviceaccount");
        g.writeStringField("name", "kube-api-access-7xk2p");
        g.writeBooleanField("readOnly", true);
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        g.writeStringField("dnsPolicy", "ClusterFirst");
        if (node != null) {
            g.writeStringField("nodeName", node);
            g.writeNumberField("priority", 0);
        }
        g.writeStringField("restartPolicy", "Always");
        g.writeStringField("schedulerName", "default-scheduler");
        g.writeNumberField("terminationGracePeriodSeconds", 30);
        if (node != null) {
            g.writeArrayFieldStart("tolerations");
            for (String k : new String[] {"node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"}) {
                g.writeStartObject();
                g.writeStringField("effect", "NoExecute");
                g.writeStringField("key", k);
                g.writeStringField("operator", "Exists");
                g.writeNumberField("tolerationSeconds", 300);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("volumes");
            g.writeStartObject();
            g.writeStringField("name", "kube-api-access-7xk2p");
            g.writeObjectFieldStart("projected");
            g.writeNumberField("defaultMode", 420);
            g.writeArrayFieldStart("sources");
            g.writeStartObject();
            g.writeObjectFieldStart("serviceAccountToken");
            g.writeNumberField("expirationSeconds", 3607);
            g.writeStringField("path", "token");
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeEndObject();
    }
}
