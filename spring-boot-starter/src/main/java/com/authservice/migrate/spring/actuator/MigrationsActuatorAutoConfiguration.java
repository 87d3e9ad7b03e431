package com.authservice.migrate.spring.actuator;

import com.authservice.migrate.Migrations;
import com.authservice.migrate.spring.AuthMigrateAutoConfiguration;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The endpoint and the health indicator, for applications that have the actuator. */
@AutoConfiguration(after = AuthMigrateAutoConfiguration.class)
@ConditionalOnBean(Migrations.class)
public class MigrationsActuatorAutoConfiguration {

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(Endpoint.class)
  static class EndpointConfiguration {
    @Bean
    @ConditionalOnMissingBean
    MigrationsEndpoint migrationsEndpoint(Migrations migrations) {
      return new MigrationsEndpoint(migrations);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(HealthIndicator.class)
  static class HealthConfiguration {
    @Bean(name = "migrationsHealthIndicator")
    @ConditionalOnMissingBean(name = "migrationsHealthIndicator")
    MigrationsHealthIndicator migrationsHealthIndicator(Migrations migrations) {
      return new MigrationsHealthIndicator(migrations);
    }
  }
}
