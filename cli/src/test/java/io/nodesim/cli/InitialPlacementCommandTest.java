package io.nodesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad {@code spec.initialPlacement} row is bad input at load time, for every command alike. */
class InitialPlacementCommandTest {
    private static final String SCENARIO = """
            apiVersion: nodesim.io/v1alpha1
            kind: Scenario
            metadata: {name: placed}
            spec:
              duration: 1m
              initialPlacement: {file: placement.csv}
              nodes:
                - pool: n
                  count: 2
                  allocatable: {cpu: "2", memory: 4Gi, pods: "110"}
              workloads:
                - apiVersion: apps/v1
                  kind: Deployment
                  metadata: {name: web, namespace: shop}
                  spec:
                    replicas: 3
                    selector: {matchLabels: {app: web}}
                    template:
                      metadata: {labels: {app: web}}
                      spec: {containers: [{name: c, image: nginx, resources: {requests: {cpu: "1", memory: 1Gi}}}]}
            """;

    @TempDir
    Path dir;

    private Path scenario(String rows) throws Exception {
        Files.writeString(dir.resolve("s.yaml"), SCENARIO);
        Files.writeString(dir.resolve("placement.csv"), "workload,pod,node\n" + rows);
        return dir.resolve("s.yaml");
    }

    private void assertEveryCommandRefuses(String rows, String error) throws Exception {
        Path s = scenario(rows);
        Path out = dir.resolve("out");
        for (List<String> args : List.of(List.of("validate", s.toString()), List.of("explain", s.toString()),
                List.of("schedule", s.toString()), List.of("run", s.toString(), "-o", out.toString()))) {
            Cli.Result r = Cli.run(args.toArray(String[]::new));
            assertEquals(2, r.code(), args + ": " + r.out() + r.err());
            String message = r.err().strip();
            assertEquals(dir.resolve("placement.csv") + error, message.substring(message.indexOf(": ") + 2),
                    args.toString());
        }
        assertFalse(Files.exists(out), "run writes nothing");
    }

    @Test
    void validate_rowOverItsNodesCpu_exits2NamingTheRow() throws Exception {
        assertEveryCommandRefuses("shop/web,a,n-0\nshop/web,b,n-0\nshop/web,c,n-0\n", ":4:1: pod c of shop/web "
                + "no longer fits node n-0: its allocatable cpu (3000m requested of 2000m) is exceeded by the pods "
                + "placed on it");
    }

    @Test
    void validate_rowNamingAnUnknownNode_exits2NamingTheRow() throws Exception {
        assertEveryCommandRefuses("shop/web,a,n-0\nshop/web,b,n-7\n", ":3:1: node: no node \"n-7\" in the scenario; "
                + "did you mean \"n-0\"?");
    }

    @Test
    void validate_rowNamingAnUnknownWorkload_exits2NamingTheRow() throws Exception {
        assertEveryCommandRefuses("web,a,n-0\n", ":2:1: workload: no workload \"web\" in the scenario (names read "
                + "NAMESPACE/NAME outside the default namespace)");
    }

    @Test
    void validate_duplicatePodName_exits2NamingBothRows() throws Exception {
        assertEveryCommandRefuses("shop/web,a,n-0\nshop/web,a,n-1\n", ":3:1: pod: pod \"a\" is already placed on line 2");
    }

    @Test
    void validate_rowsThatFit_areValid() throws Exception {
        Cli.Result r = Cli.run("validate", scenario("shop/web,a,n-0\nshop/web,b,n-0\n").toString());
        assertEquals(0, r.code(), r.err());
    }
}
