package com.authservice.migrate.checksum;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The fingerprint of a script recorded when it is applied. Line endings and a byte-order mark are
 * normalised first, so a checkout with CRLF endings does not count as an edit (Flyway's top complaint).
 */
public final class Checksum {

  private Checksum() {
  }

  public static String of(String script) {
    String text = script.startsWith("\uFEFF") ? script.substring(1) : script;
    String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }
}
