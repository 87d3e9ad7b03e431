package com.authservice.migrate.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.autogenerate.render.Identifiers;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The renderer quotes a name exactly when the server's own quote_ident does. */
@ExtendWith(PostgresExtension.class)
class IdentifierQuotingTest {

  @Test
  void everyKeywordOfTheServerAndOddNamesAreQuotedAsQuoteIdentQuotesThem(TestDatabase db) {
    List<String> names = List.of("users", "phone_number", "user", "UserProfile", "displayName", "9lives", "_hidden",
        "price$", "two words", "we\"ird", "it's", "ümlaut");
    String others = names.stream().map(name -> "('" + name.replace("'", "''") + "')").collect(Collectors.joining(", "));
    List<String> quotedByServer = db.query("select word, quote_ident(word) from pg_get_keywords() union all "
        + "select name, quote_ident(name) from (values " + others + ") as other(name)");
    assertThat(quotedByServer).hasSizeGreaterThan(400);

    for (String row : quotedByServer) {
      String name = row.substring(0, row.indexOf('|'));
      assertThat(name + "|" + Identifiers.quote(name)).isEqualTo(row);
    }
  }
}
