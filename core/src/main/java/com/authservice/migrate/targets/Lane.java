package com.authservice.migrate.targets;

/**
 * One worker of a {@link TargetsRun}: runs members one after the other, and may keep what they can share (a fleet
 * of schemas keeps one connection), released by {@link #close()} when the worker is done.
 */
public interface Lane<T> extends AutoCloseable {

  /** Runs {@code member}; a {@link RuntimeException} thrown here makes the member {@code FAILED}. */
  MemberResult<T> run(String member);

  @Override
  default void close() {
  }
}
