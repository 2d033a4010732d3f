# Mieruka services image: one image, three commands (ingest, streams, sink).
#   docker build -t mieruka:local .        (docker-compose.yml does this with `up --build`)
#   docker run --rm mieruka:local --help

# --- build: the same Maven invocation as ./mieruka, tests skipped (they run in CI / ./mieruka test) ---
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests -Dmaven.test.skip=true -pl cli -am install

# --- runtime: a JRE, the CLI jar and its lib/ side by side, a non-root user ---
FROM eclipse-temurin:17-jre
RUN groupadd --system mieruka \
 && useradd --system --gid mieruka --home-dir /var/lib/mieruka --no-create-home --shell /usr/sbin/nologin mieruka \
 && mkdir -p /opt/mieruka /var/lib/mieruka/streams /var/lib/mieruka/ingest \
 && chown -R mieruka:mieruka /var/lib/mieruka
# The CLI locates lib/ beside its jar: keep both under /opt/mieruka/.
COPY --from=build /src/cli/target/mieruka-cli.jar /opt/mieruka/mieruka-cli.jar
COPY --from=build /src/cli/target/lib/ /opt/mieruka/lib/
USER mieruka
# Kafka Streams state (MIERUKA_STREAMS_STATE_DIR=/var/lib/mieruka/streams in docker-compose.yml).
WORKDIR /var/lib/mieruka
# 8080: ingest HTTP API and its /metrics; 9402 / 9403: /metrics of streams / sink.
EXPOSE 8080 9402 9403
ENTRYPOINT ["java", "-cp", "/opt/mieruka/mieruka-cli.jar:/opt/mieruka/lib/*", "org.mieruka.cli.Main"]
CMD ["--help"]
