package com.authservice.migrate.checksum;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChecksumTest {

  @Test
  void lineEndingsAndAByteOrderMarkDoNotChangeTheChecksum() {
    String unix = "create table a (id int);\n-- //@UNDO\ndrop table a;\n";

    assertThat(Checksum.of(unix.replace("\n", "\r\n"))).isEqualTo(Checksum.of(unix));
    assertThat(Checksum.of("\uFEFF" + unix)).isEqualTo(Checksum.of(unix));
  }

  @Test
  void anyOtherEditChangesIt() {
    String script = "create table a (id int);\n";

    assertThat(Checksum.of(script.replace("int", "bigint"))).isNotEqualTo(Checksum.of(script));
    assertThat(Checksum.of(script + " ")).isNotEqualTo(Checksum.of(script));
    assertThat(Checksum.of(script)).hasSize(64);
  }
}
