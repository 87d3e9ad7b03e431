package com.authservice.migrate.javamigration;

import com.authservice.migrate.errors.DatabaseError;
import com.authservice.migrate.errors.MalformedScript;
import com.authservice.migrate.errors.ScriptFailed;
import com.authservice.migrate.result.Direction;
import com.authservice.migrate.result.Migration;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * Finds the class a stub script names and runs it on the run's connection: in the migration's transaction with its
 * changelog row, or, for a class that commits as it goes, with the row written only once it returned.
 */
public final class JavaMigrations {

  private final ClassLoader classes;
  private final Optional<Path> repository;

  public JavaMigrations(ClassLoader classes, Optional<Path> repository) {
    this.classes = classes;
    this.repository = repository;
  }

  /**
   * The classes the running code sees (an application's: the thread's context loader; failing that, core's), then
   * those compiled from {@code repository}'s {@code java/} folder, when it is a folder and has one.
   */
  public static JavaMigrations of(Optional<Path> repository) {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return new JavaMigrations(context != null ? context : JavaMigration.class.getClassLoader(), repository);
  }

  /** Refuses, before anything of a run executes, a stub whose class cannot be found or made. */
  public void check(Migration migration, String content) {
    JavaStub.className(migration.fileName(), content).ifPresent(name -> instantiate(migration.fileName(), name));
  }

  /**
   * Runs {@code migration} in {@code direction} if its script is a Java migration's stub, with {@code timeouts} (SQL
   * setting the session's time-outs, if any) sent first, {@code before} (the MyBatis each-hook) just before the class
   * runs and {@code bookkeeping} (the changelog row, then the each-hook after) after it, in its transaction.
   *
   * @return false, having done nothing, when the script is plain SQL
   */
  public boolean run(Connection connection, String schema, Migration migration, String content,
      Direction direction, Optional<String> timeouts, Bookkeeping before, Bookkeeping bookkeeping) {
    Optional<String> className = JavaStub.className(migration.fileName(), content);
    if (className.isEmpty()) {
      return false;
    }
    JavaMigration java = instantiate(migration.fileName(), className.get());
    boolean undoing = direction == Direction.DOWN;
    boolean committing = !java.transactional();
    String call = className.get() + (undoing ? ".down" : ".up");
    JavaMigration.Context context = new JavaMigration.Context(connection, schema, migration.fileName());
    try {
      connection.setAutoCommit(false);
      if (timeouts.isPresent()) {
        try (Statement statement = connection.createStatement()) {
          statement.execute(timeouts.get());
        }
        if (committing) {
          connection.commit();
        }
      }
    } catch (SQLException e) {
      rollback(connection);
      throw new DatabaseError("setting the time-outs of " + migration.fileName(), e);
    }
    try {
      before.run();
    } catch (SQLException | RuntimeException e) {
      rollback(connection);
      throw e instanceof SQLException sql ? new DatabaseError("starting " + migration.fileName(), sql)
          : (RuntimeException) e;
    }
    try {
      if (undoing) {
        java.down(context);
      } else {
        java.up(context);
      }
    } catch (Exception e) {
      rollback(connection);
      throw ScriptFailed.inJava(migration.fileName(), JavaStub.headerLine(content), call, asSqlException(e),
          committing, undoing);
    }
    try {
      bookkeeping.run();
      connection.commit();
    } catch (SQLException e) {
      rollback(connection);
      throw new DatabaseError("recording " + migration.fileName() + " in the changelog"
          + (committing ? "" : " (rolled back)"), e);
    } catch (RuntimeException e) {
      // The each-hook after it failed: the row goes with the migration's transaction.
      rollback(connection);
      throw e;
    }
    return true;
  }

  private JavaMigration instantiate(String fileName, String className) {
    Class<?> type = load(fileName, className);
    if (!JavaMigration.class.isAssignableFrom(type)) {
      throw new MalformedScript(fileName, "its class " + className + " does not implement "
          + JavaMigration.class.getName());
    }
    try {
      return (JavaMigration) type.getConstructor().newInstance();
    } catch (NoSuchMethodException | IllegalAccessException | InstantiationException e) {
      throw new MalformedScript(fileName, "its class " + className
          + " cannot be created; give it a public constructor without parameters (and make it a public, non-abstract class)");
    } catch (InvocationTargetException e) {
      throw new MalformedScript(fileName, "the constructor of " + className + " failed: " + e.getCause());
    }
  }

  /** From the class path first; the repository's sources are compiled only when a class is not found there. */
  private Class<?> load(String fileName, String className) {
    try {
      return Class.forName(className, true, classes);
    } catch (ClassNotFoundException | LinkageError notOnClassPath) {
      List<Path> sources = repository.map(JavaSources::sources).orElse(List.of());
      if (!sources.isEmpty()) {
        try {
          return Class.forName(className, true, JavaSources.compiled(repository.get(), sources, classes));
        } catch (ClassNotFoundException | LinkageError notInSources) {
          throw new MalformedScript(fileName, "its Java class " + className + " is neither on the class path nor in "
              + repository.get().resolve("java") + "; check the name in its -- migrate:java line");
        }
      }
      throw new MalformedScript(fileName, "its Java class " + className + " is not on the class path; "
          + "put its source under the repository's java/ folder, or build it onto the console's or the "
          + "application's class path (see docs/java-migrations.md)");
    }
  }

  /** The driver's exception keeps its SQLSTATE; anything else is described by its type and message. */
  private static SQLException asSqlException(Exception e) {
    if (e instanceof SQLException sql) {
      return sql;
    }
    return new SQLException(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
  }

  private static void rollback(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // The connection is gone; the server has rolled the transaction back.
    }
  }

  /** The changelog row written (or deleted) after the migration, in its transaction. */
  @FunctionalInterface
  public interface Bookkeeping {
    void run() throws SQLException;
  }
}
