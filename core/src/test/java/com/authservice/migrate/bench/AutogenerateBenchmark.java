package com.authservice.migrate.bench;

import com.authservice.migrate.autogenerate.Autogeneration;
import com.authservice.migrate.autogenerate.Autogenerator;
import com.authservice.migrate.autogenerate.schema.Column;
import com.authservice.migrate.autogenerate.schema.ForeignKey;
import com.authservice.migrate.autogenerate.schema.Index;
import com.authservice.migrate.autogenerate.schema.PrimaryKey;
import com.authservice.migrate.autogenerate.schema.Schema;
import com.authservice.migrate.autogenerate.schema.Table;
import com.authservice.migrate.autogenerate.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * bench/autogenerate-200.sh: compare-and-render time of a 200-table model set against an empty database,
 * median of several runs after warm-up. The empty database's schema is an empty {@link Schema}, exactly
 * what the catalog reader returns for it.
 */
public final class AutogenerateBenchmark {

  public static void main(String[] args) {
    int tables = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    Schema target = modelSet(tables);
    Schema empty = Schema.of(List.of());
    double[] compareAndRender = new double[runs];
    int changes = 0;
    for (int warmUp = 0; warmUp < 5; warmUp++) {
      Autogenerator.of(empty, target, (type, a, b) -> a.equals(b));
    }
    for (int run = 0; run < runs; run++) {
      long started = System.nanoTime();
      Autogeneration result = Autogenerator.of(empty, target, (type, a, b) -> a.equals(b));
      compareAndRender[run] = (System.nanoTime() - started) / 1e6;
      changes = result.changes().size();
    }
    Arrays.sort(compareAndRender);
    System.out.printf("autogenerate %d tables (%d changes): compare+render median %.2f ms, min %.2f, max %.2f "
        + "over %d runs (target < 1000 ms)%n", tables, changes, compareAndRender[runs / 2], compareAndRender[0],
        compareAndRender[runs - 1], runs);
  }

  /** {@code n} tables, each with 8 columns, a primary key, a unique constraint, an index and a foreign key. */
  static Schema modelSet(int n) {
    List<Table> tables = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String name = "t" + i;
      List<Column> columns = List.of(
          new Column("id", "bigint", false, Optional.empty(), true, Optional.empty()),
          new Column("code", "character varying(40)", false, Optional.empty(), false, Optional.empty()),
          new Column("title", "character varying(255)", true, Optional.empty(), false, Optional.of("title of " + name)),
          new Column("amount", "numeric(10,2)", false, Optional.of("0"), false, Optional.empty()),
          new Column("active", "boolean", false, Optional.of("true"), false, Optional.empty()),
          new Column("created_at", "timestamp with time zone", false, Optional.of("now()"), false, Optional.empty()),
          new Column("notes", "text", true, Optional.empty(), false, Optional.empty()),
          new Column("parent_id", "bigint", true, Optional.empty(), false, Optional.empty()));
      List<ForeignKey> keys = i == 0 ? List.of() : List.of(new ForeignKey("fk_" + name + "_parent", List.of("parent_id"),
          "t" + (i - 1), List.of("id"), "CASCADE", "NO ACTION"));
      tables.add(new Table(name, columns, Optional.of(new PrimaryKey(name + "_pkey", List.of("id"))),
          List.of(new UniqueConstraint("uq_" + name + "_code", List.of("code"))),
          List.of(new Index("ix_" + name + "_parent", List.of("parent_id"), false)), keys, Optional.of("table " + i)));
    }
    return Schema.of(tables);
  }
}
