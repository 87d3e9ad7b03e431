package com.authservice.migrate.spring.actuator;

import com.authservice.migrate.Migrations;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/** {@code /actuator/migrations}: every migration and its state, as {@code status --output json} shows them. */
@Endpoint(id = "migrations")
public class MigrationsEndpoint {

  private final Migrations migrations;

  public MigrationsEndpoint(Migrations migrations) {
    this.migrations = migrations;
  }

  @ReadOperation
  public StatusDocument status() {
    return StatusDocument.of(migrations.status(), migrations.config().connection().target());
  }
}
