package fr.gouv.cncd.atlas.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.cncd.atlas.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Which requests the throttle counts, and by what client key. The HTTP side: ThrottledPublicApiTest. */
class PublicPostThrottleTest {

  private final TestClock clock = new TestClock(Instant.parse("2026-12-01T09:00:00Z"));
  private final PublicPostThrottle throttle = new PublicPostThrottle(
      new ThrottleProperties(new ThrottleProperties.Limit(2, Duration.ofMinutes(10)), null, 100), clock);

  @Test
  void countsAnonymousPostsOfThePublicApiPerClientAddress() throws Exception {
    assertThat(post("/api/account-requests", "203.0.113.7")).isEqualTo(200);
    assertThat(post("/api/account-activations", "203.0.113.7")).isEqualTo(200);
    assertThat(post("/api/password-resets", "203.0.113.7")).isEqualTo(429);
    assertThat(post("/api/some-later-form", "203.0.113.7")).isEqualTo(429);
    assertThat(post("/api/account-requests", "203.0.113.8")).as("another address").isEqualTo(200);
  }

  @Test
  void leavesOtherMethodsTheAdminApiAndPagesAlone() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertThat(request("GET", "/api/local-authorities", "203.0.113.7")).isEqualTo(200);
      assertThat(post("/api/admin/legacy-accounts", "203.0.113.7")).isEqualTo(200);
      assertThat(post("/camunda/api/admin/auth/user/default/login/tasklist", "203.0.113.7")).isEqualTo(200);
    }
    assertThat(post("/api/account-requests", "203.0.113.7")).isEqualTo(200);
  }

  @Test
  void countsByTheMappedPathNotTheRawAddress() throws Exception {
    for (int i = 0; i < 3; i++) {
      MockHttpServletRequest request = newRequest("POST", "/api/account-requests", "203.0.113.7");
      request.setRequestURI("/api/admin/..;/account-requests");
      assertThat(status(request)).isEqualTo(i < 2 ? 200 : 429);
    }
  }

  @Test
  void ignoresXForwardedFor() throws Exception {
    for (int i = 0; i < 3; i++) {
      MockHttpServletRequest request = newRequest("POST", "/api/account-requests", "203.0.113.7");
      request.addHeader("X-Forwarded-For", "198.51.100." + i);
      assertThat(status(request)).isEqualTo(i < 2 ? 200 : 429);
    }
  }

  @Test
  void countsAnIpv6AddressByItsSlash64Prefix() {
    assertThat(PublicPostThrottle.clientKey("2001:db8:1:2:a:b:c:d")).isEqualTo("2001:db8:1:2:0:0:0:0/64");
    assertThat(PublicPostThrottle.clientKey("2001:db8:1:2::ffff")).isEqualTo("2001:db8:1:2:0:0:0:0/64");
    assertThat(PublicPostThrottle.clientKey("0:0:0:0:0:0:0:1")).isEqualTo("0:0:0:0:0:0:0:0/64");
    assertThat(PublicPostThrottle.clientKey("203.0.113.7")).isEqualTo("203.0.113.7");
    assertThat(PublicPostThrottle.clientKey("::ffff:203.0.113.7")).as("IPv4-mapped").isEqualTo("203.0.113.7");
  }

  private int post(String path, String address) throws Exception {
    return request("POST", path, address);
  }

  private int request(String method, String path, String address) throws Exception {
    return status(newRequest(method, path, address));
  }

  private static MockHttpServletRequest newRequest(String method, String path, String address) {
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    request.setServletPath(path);
    request.setRemoteAddr(address);
    return request;
  }

  private int status(MockHttpServletRequest request) throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    throttle.doFilter(request, response, new MockFilterChain());
    return response.getStatus();
  }
}
