package com.authservice.migrate.shell.view;

import com.authservice.migrate.environment.Environment;
import com.authservice.migrate.fleet.Fleet;
import java.util.List;
import java.util.Map;

/**
 * {@code env}: the environments ({@code current} is the one in use) and the fleets, each with the files that
 * could not be used and why. Never a password.
 */
public record EnvironmentsListed(List<Environment> environments, String current, Map<String, String> unusable,
    List<Fleet> fleets, Map<String, String> unusableFleets) {
}
