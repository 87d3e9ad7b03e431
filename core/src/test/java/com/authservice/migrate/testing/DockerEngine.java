package com.authservice.migrate.testing;

import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient.Request;
import com.github.dockerjava.transport.DockerHttpClient.Response;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.testcontainers.utility.DockerImageName;

/**
 * A Docker engine asked directly over its API, with short time limits: whether it has an image and whether it
 * can pull one. Testcontainers, asked the same with no registry in reach, retries its pulls for minutes.
 */
final class DockerEngine implements AutoCloseable {

  /** How long the engine may stay silent, answering or pulling, before the answer counts as no. */
  private static final Duration SILENCE = Duration.ofSeconds(10);
  private static final Pattern ERROR = Pattern.compile("\"(?:error|message)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  private final URI address;
  private final DockerHttpClient http;

  private DockerEngine(URI address) {
    this.address = address;
    this.http = new ZerodepDockerHttpClient.Builder().dockerHost(address)
        .connectionTimeout(Duration.ofSeconds(2)).responseTimeout(SILENCE).build();
  }

  /** The engine DOCKER_HOST names, or the one on the default socket; empty when neither could exist. */
  static Optional<DockerEngine> find() {
    String host = System.getenv("DOCKER_HOST");
    if (host != null && !host.isBlank()) {
      return Optional.of(new DockerEngine(URI.create(host)));
    }
    Path socket = Path.of("/var/run/docker.sock");
    return Files.exists(socket) ? Optional.of(new DockerEngine(URI.create("unix://" + socket))) : Optional.empty();
  }

  URI address() {
    return address;
  }

  boolean answers() {
    return status(Request.Method.GET, "/_ping") == 200;
  }

  boolean has(String image) {
    return status(Request.Method.GET, "/images/" + image + "/json") == 200;
  }

  /** Whether the engine holds any image of this repository, whatever its tag. */
  boolean hasAnyOf(String repository) {
    String filter = URLEncoder.encode("{\"reference\":[\"" + repository + "\"]}", StandardCharsets.UTF_8);
    Request request = Request.builder().method(Request.Method.GET).path("/images/json?filters=" + filter).build();
    try (Response response = http.execute(request)) {
      return response.getStatusCode() == 200 && new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8).contains("{");
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Pulls the image: empty once it is there, else why not. A pull that makes no progress for
   * {@link #SILENCE} counts as impossible; one that downloads may take as long as the download.
   */
  Optional<String> pull(String image) {
    DockerImageName name = DockerImageName.parse(image);
    String query = "fromImage=" + URLEncoder.encode(name.getUnversionedPart(), StandardCharsets.UTF_8)
        + "&tag=" + URLEncoder.encode(name.getVersionPart(), StandardCharsets.UTF_8);
    Request request = Request.builder().method(Request.Method.POST).path("/images/create?" + query).build();
    try (Response response = http.execute(request);
        BufferedReader progress = new BufferedReader(new InputStreamReader(response.getBody(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = progress.readLine()) != null) {
        if (response.getStatusCode() != 200 || line.contains("\"error\"")) {
          return Optional.of(errorIn(line));
        }
      }
      return response.getStatusCode() == 200 ? Optional.empty() : Optional.of("HTTP " + response.getStatusCode());
    } catch (IOException | RuntimeException e) {
      return Optional.of("no progress within " + SILENCE.toSeconds() + " s (" + e.getClass().getSimpleName() + ")");
    }
  }

  @Override
  public void close() throws IOException {
    http.close();
  }

  private int status(Request.Method method, String path) {
    try (Response response = http.execute(Request.builder().method(method).path(path).build())) {
      return response.getStatusCode();
    } catch (RuntimeException e) {
      return -1;
    }
  }

  private static String errorIn(String json) {
    Matcher matcher = ERROR.matcher(json);
    return matcher.find() ? matcher.group(1).replace("\\\"", "\"") : json;
  }
}
