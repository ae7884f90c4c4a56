# The nodesim image: the CLI jar on a Java 17 runtime. The Kubernetes Job that
# `nodesim sweep ... --emit-job N --image IMAGE` writes runs it with the sweep's arguments.
#   docker build -t IMAGE . && docker push IMAGE
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests -pl cli -am package

FROM eclipse-temurin:17-jre
COPY --from=build /src/cli/target/nodesim.jar /opt/nodesim/nodesim.jar
# a pod's memory limit, not the node's, sizes the heap; the image runs sweep shards, many short
# replications on every core, which C1 alone does with less CPU than tiered compilation (as ./nodesim sweep)
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:TieredStopAtLevel=1", "-jar", "/opt/nodesim/nodesim.jar"]
