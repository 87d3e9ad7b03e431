package com.authservice.migrate.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Queries that do not depend on each other's answers, sent as one round trip: pgjdbc sends the parts of a
 * multi-statement text one after the other with a single Sync, and the server answers them in order. Across a
 * link of 40 ms, each query asked on its own costs 40 ms; asked together, they cost one wait. Each part must be
 * one SELECT; its rows go to the reader that asked for it. The parts run in order, in one implicit transaction:
 * an error in one stops the rest.
 */
public final class RoundTrip {

  private final List<Part<?>> parts = new ArrayList<>();

  /** Reads one part's rows. */
  @FunctionalInterface
  public interface Reader<T> {
    T read(ResultSet rows) throws SQLException;
  }

  /** A part's answer, there once the round trip is {@link #send sent}. */
  public static final class Answer<T> {
    private T value;
    private boolean answered;

    public T get() {
      if (!answered) {
        throw new IllegalStateException("the round trip that asks this has not been sent");
      }
      return value;
    }
  }

  private record Part<T>(String sql, List<Object> parameters, Reader<T> reader, Answer<T> answer) {
    void read(ResultSet rows) throws SQLException {
      answer.value = reader.read(rows);
      answer.answered = true;
    }
  }

  /** Adds {@code select} (one SELECT, its {@code ?} bound to {@code parameters}) to this round trip. */
  public <T> Answer<T> ask(String select, List<?> parameters, Reader<T> reader) {
    Answer<T> answer = new Answer<>();
    parts.add(new Part<>(select, List.copyOf(parameters), reader, answer));
    return answer;
  }

  public boolean isEmpty() {
    return parts.isEmpty();
  }

  /** Sends every part at once and hands each its rows. */
  public void send(Connection connection) throws SQLException {
    if (parts.isEmpty()) {
      return;
    }
    StringBuilder text = new StringBuilder();
    List<Object> parameters = new ArrayList<>();
    for (Part<?> part : parts) {
      // On a line of its own, so a part ending in a line comment cannot swallow the separator.
      text.append(text.isEmpty() ? "" : "\n;\n").append(part.sql());
      parameters.addAll(part.parameters());
    }
    try (PreparedStatement statement = connection.prepareStatement(text.toString())) {
      for (int i = 0; i < parameters.size(); i++) {
        statement.setObject(i + 1, parameters.get(i));
      }
      boolean rows = statement.execute();
      for (Part<?> part : parts) {
        if (!rows) {
          throw new SQLException("a part of a round trip returned no rows: " + part.sql());
        }
        try (ResultSet answer = statement.getResultSet()) {
          part.read(answer);
        }
        rows = statement.getMoreResults();
      }
    }
  }
}
