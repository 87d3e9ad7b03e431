package com.authservice.migrate.shell.render;

import com.authservice.migrate.shell.cli.Style;
import com.authservice.migrate.fleet.FleetResult;
import com.authservice.migrate.fleet.FleetStatus;
import com.authservice.migrate.targets.MemberResult.Outcome;
import com.authservice.migrate.targets.MemberResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * A fleet as text: {@code status --fleet} (each migration and on how many members it is applied, then who is
 * behind, failed or unreachable, by name) and the summary of a run (members and migrations per result, then each
 * member that was not migrated, with why).
 */
public final class FleetView {

  private FleetView() {
  }

  /** {@code 1,000}: fleets count in thousands. */
  public static String count(int number) {
    return String.format(Locale.ROOT, "%,d", number);
  }

  public static String status(FleetStatus status, Style style) {
    String word = status.fleet().kind().word();
    StringBuilder text = new StringBuilder("Fleet " + status.fleet().name() + " (" + status.fleet().describe() + "): "
        + count(status.members()) + " " + word + "\n");
    if (status.members() == 0) {
      return text.append("No ").append(word).append(" match; nothing to show.\n").toString();
    }
    Table table = new Table("ID", "Description", "Applied on");
    for (FleetStatus.Row row : status.rows()) {
      String applied = count(row.appliedOn()) + " of " + count(status.members())
          + (row.modifiedOn() > 0 ? " (" + count(row.modifiedOn()) + " modified)" : "");
      table.row(row.id().toString(), row.description(), row.appliedOn() == status.members() ? applied
          : style.yellow(applied));
    }
    text.append(table.render(style)).append('\n');
    if (!status.behind().isEmpty()) {
      text.append("Behind (").append(count(status.behind().size())).append("):\n");
      Map<Integer, List<String>> byWaiting = new TreeMap<>(status.behind().stream().collect(Collectors.groupingBy(
          FleetStatus.Behind::waiting, Collectors.mapping(FleetStatus.Behind::member, Collectors.toList()))));
      // Right after a new migration lands every member waits for it: a thousand names would say nothing more.
      byWaiting.forEach((waiting, members) -> text.append("  ").append(waiting).append(" waiting: ")
          .append(members.size() == status.members() ? "all " + count(members.size()) + " " + word
              : String.join(", ", members)).append('\n'));
    }
    problems(text, "Failed", status.failed().stream().map(p -> p.member() + ": " + p.reason()).toList(), style);
    problems(text, "Unreachable", status.unreachable().stream().map(p -> p.member() + ": " + p.reason()).toList(),
        style);
    text.append(status.isUpToDate() ? style.green("All " + count(status.members()) + " " + word + " are up to date.")
        : "Not all " + count(status.members()) + " " + word + " are up to date.").append('\n');
    return text.toString();
  }

  /**
   * The summary of a run: {@code label} names what a member's value says happened ({@code applied},
   * {@code up to date}), {@code migrations} how many migrations that was.
   */
  public static <T> String summary(FleetResult<T> result, Function<T, String> label, ToIntFunction<T> migrations,
      Style style) {
    String word = result.fleet().kind().word();
    StringBuilder text = new StringBuilder("Fleet " + result.fleet().name() + ": " + count(result.members().size())
        + " " + word + ", " + result.parallel() + " at a time, " + String.format(Locale.ROOT, "%.2f s",
        result.elapsed().toNanos() / 1e9) + "\n");
    if (result.members().isEmpty()) {
      return text.append("No ").append(word).append(" match ").append(result.fleet().members())
          .append("; nothing ran.\n").toString();
    }
    Map<String, int[]> rows = new LinkedHashMap<>();
    for (MemberResult<T> member : result.in(Outcome.DONE)) {
      int[] row = rows.computeIfAbsent(label.apply(member.value().orElseThrow()), key -> new int[2]);
      row[0]++;
      row[1] += migrations.applyAsInt(member.value().orElseThrow());
    }
    Table table = new Table("Result", Character.toUpperCase(word.charAt(0)) + word.substring(1), "Migrations");
    rows.forEach((name, row) -> table.row(name, count(row[0]), count(row[1])));
    for (Outcome outcome : List.of(Outcome.FAILED, Outcome.UNREACHABLE, Outcome.NOT_RUN)) {
      int members = result.in(outcome).size();
      if (members > 0) {
        table.row(style.red(outcome(outcome)), count(members), "-");
      }
    }
    text.append(table.render(style));
    problems(text, "Failed", reasons(result, Outcome.FAILED), style);
    problems(text, "Unreachable", reasons(result, Outcome.UNREACHABLE), style);
    // Members are not run after a failure under --fail-fast, or once the command was cancelled: say which.
    result.in(Outcome.NOT_RUN).stream().collect(Collectors.groupingBy(member -> member.reason().orElse("not run"),
        LinkedHashMap::new, Collectors.mapping(MemberResult::member, Collectors.joining(", "))))
        .forEach((reason, members) -> text.append(Character.toUpperCase(reason.charAt(0))).append(reason.substring(1))
            .append(": ").append(members).append('\n'));
    return text.toString();
  }

  /** {@code not run}: an outcome as the summary names it. */
  public static String outcome(Outcome outcome) {
    return outcome.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static List<String> reasons(FleetResult<?> result, Outcome outcome) {
    return result.in(outcome).stream().map(m -> m.member() + ": " + m.reason().orElse("")).toList();
  }

  private static void problems(StringBuilder text, String heading, List<String> lines, Style style) {
    if (!lines.isEmpty()) {
      text.append(style.red(heading + " (" + count(lines.size()) + "):")).append('\n');
      lines.forEach(line -> text.append("  ").append(line).append('\n'));
    }
  }
}
