package fr.gouv.cncd.atlas.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda's REST API (/engine-rest and the webapps' /camunda/api) answers an unexpected error with
 * its exception's class and message ({"type":"IllegalArgumentException","message":"argument type
 * mismatch"}). Such bodies tell an attacker about the internals and tell a user nothing: a 5xx
 * leaves with a French message only (the engine has logged the cause). 4xx answers are untouched.
 */
@Configuration
class InternalErrorBodies {

  static final String BODY = "{\"type\":\"ServerError\",\"message\":\"Une erreur interne est survenue. Réessayez plus"
      + " tard ; si l'erreur persiste, contactez l'assistance de la téléprocédure.\"}";

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> internalErrorBodiesFilter() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter());
    registration.setName("internal-error-bodies");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    return registration;
  }

  static final class Filter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      Scrubbed scrubbed = new Scrubbed(response);
      chain.doFilter(request, scrubbed);
      if (scrubbed.isServerError() && !response.isCommitted()) {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        response.resetBuffer();
        response.setContentType("application/json;charset=UTF-8");
        // The engine may have announced the length of the body it meant to send.
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
      }
    }
  }

  /** Lets everything through but the body of a 5xx, which it swallows. */
  private static final class Scrubbed extends HttpServletResponseWrapper {

    private static final ServletOutputStream SWALLOW = new ServletOutputStream() {
      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setWriteListener(WriteListener listener) {}

      @Override
      public void write(int b) {}
    };

    Scrubbed(HttpServletResponse response) {
      super(response);
    }

    boolean isServerError() {
      return getStatus() >= 500;
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      if (status >= 500) {
        setStatus(status);
      } else {
        super.sendError(status, message);
      }
    }

    @Override
    public void sendError(int status) throws IOException {
      sendError(status, null);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      return isServerError() ? SWALLOW : super.getOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      return isServerError() ? new PrintWriter(OutputStream.nullOutputStream()) : super.getWriter();
    }

    @Override
    public void flushBuffer() throws IOException {
      if (!isServerError()) {
        super.flushBuffer();
      }
    }

    @Override
    public void setHeader(String name, String value) {
      if (!(isServerError() && "Content-Length".equalsIgnoreCase(name))) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!(isServerError() && "Content-Length".equalsIgnoreCase(name))) {
        super.addHeader(name, value);
      }
    }

    @Override
    public void setContentLength(int length) {
      if (!isServerError()) {
        super.setContentLength(length);
      }
    }

    @Override
    public void setContentLengthLong(long length) {
      if (!isServerError()) {
        super.setContentLengthLong(length);
      }
    }
  }
}
