package fr.gouv.cncd.atlas.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Calls Camunda's REST API as one caller, through one of its two doors: /engine-rest with HTTP
 * Basic, or the webapps' /camunda/api/engine/engine/default with a logged-in session (XSRF token
 * included). Paths are given relative to the API's root ("/task", "/filter/{id}/list").
 */
public abstract class EngineCaller {

  /** What an answer says: its status and body. */
  public record Answer(int status, String body) {

    public boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  public Answer send(String method, String path, String json) {
    return send(method, path, json, "application/json");
  }

  /** A call with a body of the given content type (null body: none). */
  public abstract Answer send(String method, String path, String body, String contentType);

  public Answer get(String path) {
    return send("GET", path, null);
  }

  public Answer post(String path, String json) {
    return send("POST", path, json);
  }

  /** /engine-rest with HTTP Basic; username null for an anonymous caller. */
  public static EngineCaller engineRest(int port, String username, String password) {
    return new EngineRest("http://localhost:" + port + "/engine-rest", username, password, "application/json");
  }

  /** The application's own addresses (/api, /actuator) with HTTP Basic; username null for anonymous. */
  public static EngineCaller application(int port, String username, String password) {
    return new EngineRest("http://localhost:" + port, username, password, "*/*");
  }

  /** The webapps' API, after logging into the given webapp; username null for an anonymous caller. */
  public static EngineCaller webapp(int port, String app, String username, String password) {
    WebappSession session = new WebappSession(port);
    if (username != null) {
      int status = session.login(app, username, password);
      if (status != 200) {
        throw new AssertionError("Login of " + username + " to " + app + " answered " + status);
      }
    }
    // The XSRF token changes at login: a safe request brings the session's current one.
    session.send("GET", "/camunda/api/engine/engine/", null);
    return new EngineCaller() {
      @Override
      public Answer send(String method, String path, String body, String contentType) {
        HttpResponse<String> response = session.send(method, "/camunda/api/engine/engine/default" + path, body,
            contentType);
        return new Answer(response.statusCode(), response.body());
      }
    };
  }

  private static final class EngineRest extends EngineCaller {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String authorization;

    private final String accept;

    EngineRest(String baseUrl, String username, String password, String accept) {
      this.baseUrl = baseUrl;
      this.accept = accept;
      this.authorization = username == null ? null : "Basic " + Base64.getEncoder()
          .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Answer send(String method, String path, String json, String contentType) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", accept);
      if (authorization != null) {
        request.header("Authorization", authorization);
      }
      if (json != null) {
        request.header("Content-Type", contentType);
      }
      request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
      try {
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
      } catch (IOException e) {
        throw new IllegalStateException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
