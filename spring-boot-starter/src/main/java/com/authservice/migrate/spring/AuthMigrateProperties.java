package com.authservice.migrate.spring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The starter's settings, {@code authmigrate.*}, in the style of {@code spring.flyway.*}. Without {@code url} the
 * migrations use {@code spring.datasource.url}/{@code username}/{@code password}, then the seed's
 * {@code POSTGRES_*} variables.
 *
 * @param enabled whether to apply pending migrations at start-up (the actuator endpoint and health indicator
 *     report on the database either way)
 * @param location the MyBatis repository, the folder that holds {@code scripts/}: {@code classpath:db/migrations}
 *     (inside the application's jar too) or {@code file:/path/to/migrations}
 * @param url JDBC URL of the database to migrate, when it is not the application's {@code spring.datasource.url}
 * @param user login role for {@code url}; defaults to {@code spring.datasource.username}
 * @param password password for {@code url}; defaults to {@code spring.datasource.password}
 * @param schema schema that holds the tables and the changelog
 * @param target how far to go at start-up: {@code head}, or the id (or unique id prefix) of the last migration
 * @param strictLint refuse to start when lint finds a problem in a script to run, instead of logging a warning
 * @param waitForOtherRun how long to wait for another instance's run to release the migration lock
 */
@ConfigurationProperties("authmigrate")
public record AuthMigrateProperties(@DefaultValue("true") boolean enabled,
    @DefaultValue(DEFAULT_LOCATION) String location, String url, String user, String password,
    @DefaultValue("public") String schema, @DefaultValue("head") String target, boolean strictLint,
    @DefaultValue("60s") Duration waitForOtherRun) {

  public static final String DEFAULT_LOCATION = "classpath:db/migrations";
}
