package com.authservice.migrate.tablelock;

import com.authservice.migrate.errors.MalformedScript;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A script's own {@code -- migrate:lock-timeout 30s} and {@code -- migrate:statement-timeout 5min}, which
 * replace the run's for that migration. Plain comments to MyBatis.
 */
final class ScriptTimeouts {

  private static final Pattern SETTING = Pattern.compile("(?m)^\\s*--\\s*migrate:(lock|statement)-timeout\\s+(\\S+)\\s*$");

  private ScriptTimeouts() {
  }

  /** Whether the script sets its own {@code -- migrate:statement-timeout}. */
  static boolean setsStatementTimeout(String content) {
    return SETTING.matcher(content).results().anyMatch(setting -> setting.group(1).equals("statement"));
  }

  static TableLockWait apply(String fileName, String content, TableLockWait run) {
    TableLockWait wait = run;
    Matcher setting = SETTING.matcher(content);
    while (setting.find()) {
      Duration value = TableLockWait.parseDuration(setting.group(2)).orElseThrow(() -> new MalformedScript(fileName,
          "\"" + setting.group().strip() + "\" needs a duration such as 500ms, 30s, 2min or 1h"));
      wait = setting.group(1).equals("lock") ? wait.withLockTimeout(value) : wait.withStatementTimeout(value);
    }
    return wait;
  }
}
