package com.authservice.migrate.checksum;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Function;

/**
 * The fingerprint of a script recorded when it is applied. Line endings and a byte-order mark are
 * normalised first, so a checkout with CRLF endings does not count as an edit (Flyway's top complaint).
 */
public final class Checksum {

  /** One digest per thread: looking SHA-256 up among the providers for every script was a quarter of the work. */
  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(Checksum::sha256);

  private Checksum() {
  }

  /**
   * The checksum of a script file's bytes. Plain ASCII without carriage returns (most SQL) is hashed as it is,
   * which is what decoding, normalising and encoding it again gives; anything else takes that way, through
   * {@code decode} (which refuses what is not UTF-8).
   */
  public static String ofFile(byte[] bytes, Function<byte[], String> decode) {
    for (byte b : bytes) {
      if (b < 0 || b == '\r') {
        return of(decode.apply(bytes));
      }
    }
    return HexFormat.of().formatHex(SHA_256.get().digest(bytes));
  }

  public static String of(String script) {
    String text = script.startsWith("\uFEFF") ? script.substring(1) : script;
    String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
    // digest() resets the digest for the next script.
    return HexFormat.of().formatHex(SHA_256.get().digest(normalised.getBytes(StandardCharsets.UTF_8)));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }
}
