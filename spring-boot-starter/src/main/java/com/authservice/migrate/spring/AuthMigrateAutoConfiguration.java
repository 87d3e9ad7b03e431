package com.authservice.migrate.spring;

import com.authservice.migrate.MigrationConfig;
import com.authservice.migrate.Migrations;
import com.authservice.migrate.RunPolicy;
import com.authservice.migrate.Target;
import com.authservice.migrate.errors.InvalidArgument;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Runs {@code up} at start-up when the application names a PostgreSQL database ({@link SpringConnection}), with
 * {@code authmigrate.*} settings. The {@link Migrations} bean is the core API, for the actuator and for the
 * application's own use.
 */
@AutoConfiguration
@Conditional(AuthMigrateAutoConfiguration.DatabaseNamed.class)
@EnableConfigurationProperties(AuthMigrateProperties.class)
public class AuthMigrateAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  public Migrations authMigrations(AuthMigrateProperties properties, Environment environment) {
    MigrationConfig config = new MigrationConfig(SpringConnection.settings(properties, environment).orElseThrow(
        () -> new InvalidArgument("No database for auth-migrate: set authmigrate.url or spring.datasource.url")),
        ScriptLocation.resolve(properties.location(), AuthMigrateAutoConfiguration.class.getClassLoader()))
        .with(RunPolicy.DEFAULT.waitingForOtherRun(properties.waitForOtherRun())
            .withStrictLint(properties.strictLint()));
    return new Migrations(config);
  }

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBooleanProperty(name = "authmigrate.enabled", matchIfMissing = true)
  public StartupMigration authStartupMigration(Migrations migrations, AuthMigrateProperties properties) {
    return new StartupMigration(migrations, Target.parse(properties.target()));
  }

  /** {@code authmigrate.url}, {@code spring.datasource.url} or {@code POSTGRES_*} is there. */
  static final class DatabaseNamed extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return SpringConnection.isConfigured(context.getEnvironment())
          ? ConditionOutcome.match("a database is named")
          : ConditionOutcome.noMatch("no authmigrate.url, spring.datasource.url or POSTGRES_* variables");
    }
  }
}
