package com.authservice.migrate.shell.launch;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;

/**
 * The context's message source: the console has no message bundles. Without a bean of this name Spring
 * makes its own, whose base class asks the JDK for every available locale as it loads — a tenth of the
 * context's start-up, for messages no one reads.
 */
public final class NoMessages implements MessageSource {

  @Override
  public String getMessage(String code, Object[] args, String defaultMessage, Locale locale) {
    return defaultMessage;
  }

  @Override
  public String getMessage(String code, Object[] args, Locale locale) {
    throw new NoSuchMessageException(code, locale);
  }

  @Override
  public String getMessage(MessageSourceResolvable resolvable, Locale locale) {
    if (resolvable.getDefaultMessage() != null) {
      return resolvable.getDefaultMessage();
    }
    String[] codes = resolvable.getCodes();
    throw new NoSuchMessageException(codes != null && codes.length > 0 ? codes[0] : "", locale);
  }
}
