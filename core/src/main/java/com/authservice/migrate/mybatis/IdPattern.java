package com.authservice.migrate.mybatis;

import com.authservice.migrate.errors.InvalidArgument;
import com.authservice.migrate.result.Migration;
import java.math.BigInteger;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * MyBatis' {@code --idpattern}: a {@link DecimalFormat} pattern such as {@code 000} that makes new ids a
 * sequence ({@code 001}, {@code 002}, ...) instead of timestamps. The next id is the highest existing one
 * plus one, as MyBatis' {@code BaseCommand.getNextIDAsString} computes it. Only patterns of {@code 0}
 * and {@code #} are accepted: anything else (grouping, prefixes) would put non-digits into file names.
 */
public final class IdPattern {

  /** The key in the repository's environment file (MyBatis keeps it in {@code $MIGRATIONS_HOME/migration.properties}). */
  public static final String SETTING = "idpattern";

  private static final Pattern DIGIT_PATTERN = Pattern.compile("[#0]{1,20}");

  private final String pattern;

  private IdPattern(String pattern) {
    this.pattern = pattern;
  }

  public static IdPattern of(String pattern) {
    String value = pattern == null ? "" : pattern.strip();
    if (!DIGIT_PATTERN.matcher(value).matches()) {
      throw new InvalidArgument("An id pattern is made of 0s (and #s), such as 000 for ids 001, 002, ...; not \""
          + value + "\"");
    }
    return new IdPattern(value);
  }

  /** The pattern chosen on the command line, else the repository's {@code idpattern} setting, if any. */
  public static Optional<IdPattern> chosen(Optional<IdPattern> option, ScriptFolder repository) {
    return option.or(() -> Optional.ofNullable(repository.variable(SETTING, null)).filter(p -> !p.isBlank())
        .map(IdPattern::of));
  }

  /**
   * The id after the highest of {@code existing} ({@code 001} for an empty repository), or {@code skip}
   * numbers further when that one was taken meanwhile.
   */
  public String next(List<Migration> existing, int skip) {
    BigInteger last = existing.stream().map(m -> m.id().value().toBigIntegerExact()).max(BigInteger::compareTo)
        .orElse(BigInteger.ZERO);
    return format(last.add(BigInteger.valueOf(1L + skip)));
  }

  public String format(BigInteger id) {
    return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT)).format(id);
  }

  public String pattern() {
    return pattern;
  }

  @Override
  public String toString() {
    return pattern;
  }
}
