# Build with the Maven wrapper, run on a JRE with `migrate` on the PATH. Builds with the classic builder or
# BuildKit alike (no `# syntax=` line: BuildKit would fetch a frontend image for it).
#
# The base images are arguments: the official Temurin images by default; on a machine that reaches no image
# registry, docker/local-images.sh builds stand-ins from Debian packages and docker-compose passes them in
# (MIGRATE_BUILD_IMAGE, MIGRATE_RUNTIME_IMAGE). The build stage fetches from Maven Central: docker-compose
# builds it on the host's network.
ARG BUILD_IMAGE=eclipse-temurin:17-jdk
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre

FROM ${BUILD_IMAGE} AS build
WORKDIR /src
# The dependencies first, in a layer of their own: a change to the sources does not fetch them again.
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY auth-domain/pom.xml auth-domain/
COPY core/pom.xml core/
COPY migrations/pom.xml migrations/
COPY shell/pom.xml shell/
RUN ./mvnw -B -q dependency:go-offline -DexcludeReactor=true || true
COPY . .
# The extracted layout (app jar + lib/) loads classes from plain jars, which a class-data sharing archive can hold.
RUN ./mvnw -B -q -DskipTests -pl shell -am package \
    && java -Djarmode=tools -jar shell/target/auth-migrate.jar extract --destination /out/app >/dev/null \
    && mkdir /out/app/migrations \
    && cp -r migrations/scripts migrations/environments /out/app/migrations/

FROM ${RUNTIME_IMAGE}
COPY --from=build /out/app /app
COPY docker/migrate docker/entrypoint.sh /usr/local/bin/
# The archive is trained on `status` (the command path, settings, the JDBC driver up to a refused connection:
# no database exists at build time) by this image's own JVM, which is the only one that can use it.
# The console runs as the owner of /app/migrations (see docker/migrate): `app` here, the checkout's owner
# when docker-compose mounts ./migrations.
RUN groupadd --system app && useradd --system --gid app --home-dir /app app \
    && { POSTGRES_HOST=127.0.0.1 POSTGRES_PORT=1 POSTGRES_DB=training POSTGRES_USER=training POSTGRES_PASSWORD=training \
         MIGRATE_TRAIN_ARCHIVE=yes migrate status >/dev/null 2>&1; test -s /app/auth-migrate.jsa; } \
    && chown -R app:app /app/migrations
WORKDIR /app
ENTRYPOINT ["/usr/local/bin/entrypoint.sh"]
