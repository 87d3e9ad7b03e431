package com.authservice.migrate.spring;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that {@link StartupMigration} initializes the database, so that JDBC templates, JPA's entity
 * manager factory and every bean marked {@code @DependsOnDatabaseInitialization} start after the migrations ran.
 */
public final class StartupMigrationDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

  @Override
  protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
    return Set.of(StartupMigration.class);
  }
}
