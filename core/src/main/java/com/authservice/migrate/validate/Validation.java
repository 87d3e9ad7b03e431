package com.authservice.migrate.validate;

import com.authservice.migrate.errors.MalformedScript;
import com.authservice.migrate.mybatis.ScriptFolder;
import com.authservice.migrate.result.Migration;
import com.authservice.migrate.result.MigrationState;
import com.authservice.migrate.result.State;
import com.authservice.migrate.result.StatusReport;
import com.authservice.migrate.result.ValidationReport.Kind;
import com.authservice.migrate.result.ValidationReport.Problem;
import com.authservice.migrate.result.ValidationReport;
import com.authservice.migrate.run.ScriptShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Flyway's {@code validate}: every disagreement between the scripts and the changelog at once, where a run
 * stops at the first. The same checks a run makes before it starts: edited or missing applied scripts, names
 * MyBatis cannot read, and the script lint that {@code up} applies.
 */
public final class Validation {

  private Validation() {
  }

  /** {@code status} must have been read from {@code listing}'s migrations. */
  public static ValidationReport of(ScriptFolder scripts, ScriptFolder.Listing listing, StatusReport status) {
    List<Problem> problems = new ArrayList<>();
    for (MigrationState state : status.inState(State.MODIFIED)) {
      problems.add(new Problem(Kind.MODIFIED, Optional.of(state.id()), state.fileName(), state.fileName().orElseThrow()
          + " was edited since it was applied: restore it, or accept its content with `repair`"));
    }
    for (MigrationState state : status.inState(State.MISSING)) {
      problems.add(new Problem(Kind.MISSING, Optional.of(state.id()), Optional.empty(), "applied migration "
          + state.id() + " (" + state.description() + ") has no script: pull the latest scripts"));
    }
    listing.malformed().forEach((fileName, problem) -> problems.add(new Problem(Kind.MALFORMED, Optional.empty(),
        Optional.of(fileName), new MalformedScript(fileName, problem).getMessage())));
    for (Migration migration : listing.migrations()) {
      try {
        ScriptShape.checkUp(scripts, migration);
      } catch (MalformedScript malformed) {
        problems.add(new Problem(Kind.MALFORMED, Optional.of(migration.id()), Optional.of(migration.fileName()),
            malformed.getMessage()));
      }
    }
    return new ValidationReport(listing.migrations().size(), problems);
  }
}
