package com.authservice.migrate.spring.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A service as a user would write it: JDBC, the actuator, and the starter on its class path; nothing else. */
@SpringBootApplication
public class AccountsApplication {
}
