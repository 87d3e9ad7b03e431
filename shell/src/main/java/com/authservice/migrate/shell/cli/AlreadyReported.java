package com.authservice.migrate.shell.cli;

/** A failure whose message was already printed (by a nested command); only its exit code is left to give. */
public final class AlreadyReported extends RuntimeException {
  private final int exitCode;

  public AlreadyReported(int exitCode) {
    super(null, null, false, false);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
