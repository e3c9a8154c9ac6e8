package fr.gouv.cncd.atlas.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda's REST API (/engine-rest and the webapps' /camunda/api) writes internals into its error
 * bodies: an unexpected error's exception class and message ({"type":"IllegalArgumentException",
 * "message":"argument type mismatch"}), qualified exception names inside messages
 * ("org.camunda.bpm.engine.MismatchingMessageCorrelationException: …"), Jackson's parser text as
 * text/plain. They tell an attacker about the internals and a user nothing. Error bodies are held
 * back and cleaned: a 5xx leaves with a French message only (the engine has logged the cause); a
 * 4xx keeps its JSON and its "type" (the webapps read it, e.g. "AuthorizationException", as
 * Camunda documents it) without qualified class names, and one that is not JSON, or that quotes
 * Java types, becomes a French message. The engine's usual English refusals (a task that no longer
 * exists, a missing permission, a task claimed by someone else), which Tasklist and Cockpit show
 * as they are in their notifications, are said in French.
 */
@Configuration
class InternalErrorBodies {

  static final String BODY = "{\"type\":\"ServerError\",\"message\":\"Une erreur interne est survenue. Réessayez plus"
      + " tard ; si l'erreur persiste, contactez l'assistance de la téléprocédure.\"}";
  static final String UNREADABLE = "{\"type\":\"InvalidRequestException\",\"message\":\"Le contenu de la requête"
      + " n'est pas un JSON valide ou contient une valeur d'un type inattendu.\"}";
  /** « org.camunda.bpm.engine.SomethingException: » before the message itself. */
  private static final Pattern QUALIFIED_EXCEPTION =
      Pattern.compile("(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error): ");
  /**
   * The engine's English preface of a form refusal, before the application's French message:
   * « Cannot submit task form <id>: », « Cannot instantiate process definition <id>: ».
   */
  private static final Pattern FORM_REFUSAL_PREFACE =
      Pattern.compile("(?:Cannot submit task form|Cannot instantiate process definition) [^\\s\\\"]+: ");
  /** Jackson and converters describing Java types: « `java.util.ArrayList<…>` », « to java type java.util.Date ». */
  private static final Pattern JAVA_TYPES = Pattern.compile("`(?:java|org|com)\\.|java type|\\[Source: ");
  /** What the engine answers to a body it could not parse: no message at all. */
  private static final Pattern NO_MESSAGE = Pattern.compile("\"message\"\\s*:\\s*(?:\"\"|null)");

  /** The engine's English refusals that users meet, and what they mean for them. */
  private static final List<Map.Entry<Pattern, String>> ENGLISH_REFUSALS = List.of(
      // (« No matching task with id … » stays: Tasklist recognizes it and says « La tâche n'existe plus ».)
      Map.entry(Pattern.compile("^Cannot find task with id .*"),
          "Cette tâche n'existe plus : elle a été terminée, peut-être par quelqu'un d'autre. Actualisez la liste"
              + " des tâches."),
      Map.entry(Pattern.compile("^Cannot claim task '[^']*': task is already claimed by '([^']*)'\\.?$"),
          "Cette tâche est déjà prise en charge par « $1 »."),
      Map.entry(Pattern.compile("^The user with id '[^']*' does not have .*permission.*"),
          "Vous n'avez pas le droit d'effectuer cette opération."),
      Map.entry(Pattern.compile("^No matching (?:process instance|execution|process definition|definition"
          + "|deployment|job|incident|filter|user|group)\\b.*"), "L'élément demandé n'existe pas ou plus."));
  /**
   * The engine's 500s that are no internal error but a user's task changing under her: a second
   * « Terminer » on a task someone else completed at the same moment (the engine's optimistic lock,
   * « ENGINE-03005 … updated by another transaction concurrently », or the draft's, JPA's
   * {@code ObjectOptimisticLockingFailureException}) is a 409; one on a task completed before
   * (« Cannot find task with id ») a 404; a value typed as a Java class the engine refuses to read
   * back (« Cannot deserialize object in variable ») a 400. Nothing was saved; each says so in French.
   */
  private static final List<Outcome> USER_FAILURES = List.of(
      new Outcome(Pattern.compile("OptimisticLocking|updated by another transaction concurrently"
          + "|Row was updated or deleted by another transaction"), HttpServletResponse.SC_CONFLICT,
          "{\"type\":\"ConcurrentChange\",\"message\":\"Cette tâche vient d'être terminée ou modifiée par"
              + " quelqu'un d'autre au même moment : rien n'a été enregistré de votre côté. Actualisez la liste des"
              + " tâches pour voir où en est la mise à jour.\"}"),
      // A submission whose value claims a Java type the engine may not or cannot read back.
      new Outcome(Pattern.compile("Cannot deserialize object in variable|Cannot convert value"),
          HttpServletResponse.SC_BAD_REQUEST,
          "{\"type\":\"InvalidRequestException\",\"message\":\"Ce formulaire n'est pas enregistré : une valeur"
              + " envoyée n'a pas le type attendu. Rechargez la tâche, puis recommencez.\"}"),
      new Outcome(Pattern.compile("Cannot find task with id"), HttpServletResponse.SC_NOT_FOUND,
          "{\"type\":\"TaskNotFound\",\"message\":\"Cette tâche n'existe plus : elle a été terminée, peut-être par"
              + " quelqu'un d'autre ; rien n'a été enregistré de votre côté. Actualisez la liste des tâches.\"}"));

  /** A 500 of the engine recognized by its text, and the status and body it is for the user. */
  record Outcome(Pattern text, int status, String body) {

    static Optional<Outcome> of(int status, String body) {
      return status != 500 ? Optional.empty()
          : USER_FAILURES.stream().filter(outcome -> outcome.text().matcher(body).find()).findFirst();
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The body with its message in French, when the engine wrote one of its usual English refusals. */
  static String inFrench(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      if (node instanceof ObjectNode object && object.path("message").isTextual()) {
        String message = object.get("message").asText();
        for (Map.Entry<Pattern, String> refusal : ENGLISH_REFUSALS) {
          Matcher matcher = refusal.getKey().matcher(message);
          if (matcher.matches()) {
            object.put("message", matcher.replaceFirst(refusal.getValue()));
            return JSON.writeValueAsString(object);
          }
        }
      }
    } catch (IOException e) {
      // Not JSON after all: left as it is.
    }
    return body;
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> internalErrorBodiesFilter() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter());
    registration.setName("internal-error-bodies");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    return registration;
  }

  /** The body to send instead of the one the engine wrote, for an error status. */
  static String cleaned(int status, String contentType, String body) {
    Optional<Outcome> userFailure = Outcome.of(status, body);
    if (userFailure.isPresent()) {
      return userFailure.get().body();
    }
    if (status >= 500) {
      return BODY;
    }
    boolean json = contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("json");
    if (!json || JAVA_TYPES.matcher(body).find() || NO_MESSAGE.matcher(body).find()) {
      return UNREADABLE;
    }
    return inFrench(FORM_REFUSAL_PREFACE.matcher(QUALIFIED_EXCEPTION.matcher(body).replaceAll("")).replaceAll(""));
  }

  static final class Filter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      Scrubbed scrubbed = new Scrubbed(response);
      chain.doFilter(request, scrubbed);
      if (scrubbed.isError()) {
        scrubbed.flushWriter();
        String body = scrubbed.held.toString(StandardCharsets.UTF_8);
        if (body.isEmpty() && scrubbed.getStatus() < 500) {
          return; // nothing to clean (a bare 401 or 404)
        }
        byte[] cleaned = cleaned(scrubbed.getStatus(), scrubbed.getContentType(), body).getBytes(StandardCharsets.UTF_8);
        if (!response.isCommitted()) {
          response.resetBuffer();
          Outcome.of(scrubbed.getStatus(), body).ifPresent(outcome -> response.setStatus(outcome.status()));
          response.setContentType("application/json;charset=UTF-8");
          // The engine may have announced the length of the body it meant to send.
          response.setContentLength(cleaned.length);
          response.getOutputStream().write(cleaned);
        }
      }
    }
  }

  /** Lets everything through but the body of an error, which it holds back for the filter. */
  private static final class Scrubbed extends HttpServletResponseWrapper {

    final ByteArrayOutputStream held = new ByteArrayOutputStream();
    private final ServletOutputStream holding = new ServletOutputStream() {
      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setWriteListener(WriteListener listener) {}

      @Override
      public void write(int b) {
        held.write(b);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) {
        held.write(bytes, offset, length);
      }
    };
    private PrintWriter writer;

    Scrubbed(HttpServletResponse response) {
      super(response);
    }

    boolean isError() {
      return getStatus() >= 400;
    }

    void flushWriter() {
      if (writer != null) {
        writer.flush();
      }
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
      return isError() ? holding : super.getOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (!isError()) {
        return super.getWriter();
      }
      if (writer == null) {
        writer = new PrintWriter(new OutputStreamWriter(holding, StandardCharsets.UTF_8));
      }
      return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
      if (!isError()) {
        super.flushBuffer();
      }
    }

    @Override
    public void setHeader(String name, String value) {
      if (!(isError() && "Content-Length".equalsIgnoreCase(name))) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!(isError() && "Content-Length".equalsIgnoreCase(name))) {
        super.addHeader(name, value);
      }
    }

    @Override
    public void setContentLength(int length) {
      if (!isError()) {
        super.setContentLength(length);
      }
    }

    @Override
    public void setContentLengthLong(long length) {
      if (!isError()) {
        super.setContentLengthLong(length);
      }
    }
  }
}
