# syntax=docker/dockerfile:1
# The images of both services, built from source: no Maven, JDK or Node on the host. One build stage
# compiles both (they share the parent pom and integration-events; BuildKit builds it once for both
# images), then one small runtime stage per service. docker-compose.yml picks the stage by `target`;
# by hand: docker build --target ingest-service -t integrationsmonitor/ingest-service .
# The dashboard's frontend is the committed dashboard-app/src/main/bundles/prod.bundle (docs/testing.md,
# "Frontend bundle"), so the build needs no Node.

FROM maven:3.9-eclipse-temurin-25 AS build
WORKDIR /src
# every module's pom first: Maven reads the whole reactor even when it builds only a part of it
COPY pom.xml ./
COPY integration-events/pom.xml integration-events/
COPY ingest-service/pom.xml ingest-service/
COPY dashboard-app/pom.xml dashboard-app/
COPY local/demo-feeder/pom.xml local/demo-feeder/
COPY end-to-end-tests/pom.xml end-to-end-tests/
COPY integration-events/src integration-events/src
COPY ingest-service/src ingest-service/src
COPY dashboard-app/src dashboard-app/src
# the cache mount keeps the downloaded dependencies between builds, outside the image
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -pl ingest-service,dashboard-app -am package -DskipTests \
    && cp ingest-service/target/ingest-service-*-exec.jar /src/ingest-service.jar \
    && cp dashboard-app/target/dashboard-app-*-exec.jar /src/dashboard-app.jar

# What both services' images share: a non-root user, and a health check that asks the readiness probe
# on the service's management port (MANAGEMENT_PORT, set per service). The JRE image has no wget (and
# curl is not promised): bash's /dev/tcp sends the request, and only an HTTP 200 passes.
FROM eclipse-temurin:25-jre AS runtime
RUN useradd --system --uid 10001 app
WORKDIR /app
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${MANAGEMENT_PORT} && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]

FROM runtime AS ingest-service
COPY --from=build /src/ingest-service.jar /app/app.jar
USER app
# 8081: the API (behind the proxy); 9081: actuator, for Prometheus and the health check only
ENV MANAGEMENT_PORT=9081
EXPOSE 8081 9081

FROM runtime AS dashboard-app
RUN mkdir -p /var/lib/dashboard/streams && chown -R app /var/lib/dashboard
COPY --from=build /src/dashboard-app.jar /app/app.jar
USER app
# 8080: the UI and read API (behind the proxy); 9080: actuator, for Prometheus and the health check only
ENV MANAGEMENT_PORT=9080
EXPOSE 8080 9080
