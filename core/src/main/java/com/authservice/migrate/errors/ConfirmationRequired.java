package com.authservice.migrate.errors;

/** A destructive command ran without the confirmation it needs. */
public final class ConfirmationRequired extends MigrationException {
  public ConfirmationRequired(String what) {
    super(what + " needs confirmation: pass --yes to run it in batch mode.");
  }
}
