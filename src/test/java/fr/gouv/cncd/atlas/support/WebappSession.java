package fr.gouv.cncd.atlas.support;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Logs into a Camunda webapp (Tasklist, Cockpit, Admin) as a browser would, XSRF token included.
 * Like Chromium, which counts http://localhost as secure, it sends Secure cookies (those of the
 * production mode) to localhost over plain HTTP.
 */
public final class WebappSession {

  private final String baseUrl;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;

  public WebappSession(int port) {
    this.baseUrl = "http://localhost:" + port;
    this.client = HttpClient.newBuilder().cookieHandler(new LocalhostIsSecure(cookies)).build();
  }

  /** Hands the cookie store an https address for localhost, so that it gives Secure cookies too. */
  private static final class LocalhostIsSecure extends CookieHandler {

    private final CookieManager cookies;

    LocalhostIsSecure(CookieManager cookies) {
      this.cookies = cookies;
    }

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
      boolean localhost = "localhost".equals(uri.getHost()) && "http".equals(uri.getScheme());
      return cookies.get(localhost ? URI.create("https" + uri.toString().substring(4)) : uri, headers);
    }

    @Override
    public void put(URI uri, Map<String, List<String>> headers) throws IOException {
      cookies.put(uri, headers);
    }
  }

  /** HTTP status of the login to the given app ("tasklist", "cockpit", "admin"). */
  public int login(String app, String username, String password) {
    try {
      client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/app/" + app + "/")).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
          + URLEncoder.encode(password, StandardCharsets.UTF_8);
      HttpRequest login = HttpRequest.newBuilder(
              URI.create(baseUrl + "/camunda/api/admin/auth/user/default/login/" + app))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("X-XSRF-TOKEN", xsrfToken())
          .POST(HttpRequest.BodyPublishers.ofString(body)).build();
      return client.send(login, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A call to the webapps' API (/camunda/api/...) with the session's cookies and XSRF token. */
  public HttpResponse<String> send(String method, String path, String json) {
    return send(method, path, json, "application/json");
  }

  /** A call with a body of the given content type. */
  public HttpResponse<String> send(String method, String path, String body, String contentType) {
    String json = body;
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Accept", "application/json");
    cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst()
        .ifPresent(c -> request.header("X-XSRF-TOKEN", c.getValue()));
    if (json != null) {
      request.header("Content-Type", contentType);
    }
    request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String xsrfToken() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElseThrow(() -> new AssertionError("No XSRF-TOKEN cookie"));
  }
}
