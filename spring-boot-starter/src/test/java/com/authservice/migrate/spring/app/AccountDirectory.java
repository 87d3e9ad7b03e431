package com.authservice.migrate.spring.app;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the {@code accounts} table while it is being created: it exists only if the migrations ran before the
 * application's JDBC beans, which is what the starter promises.
 */
@Component
public class AccountDirectory {

  private final long accountsAtStart;

  public AccountDirectory(JdbcTemplate jdbc) {
    this.accountsAtStart = jdbc.queryForObject("select count(*) from accounts", Long.class);
  }

  public long accountsAtStart() {
    return accountsAtStart;
  }
}
