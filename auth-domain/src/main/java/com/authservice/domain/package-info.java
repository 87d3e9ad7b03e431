/**
 * The auth service's models, described with standard Jakarta Persistence 3.2 annotations only:
 * {@code @Column(options = "DEFAULT ...")} for server defaults, {@code @ForeignKey(foreignKeyDefinition)}
 * for ON DELETE rules. They are the schema's source of truth for autogenerate and the schema tests.
 */
package com.authservice.domain;
