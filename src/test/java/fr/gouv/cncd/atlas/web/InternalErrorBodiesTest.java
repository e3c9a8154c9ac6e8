package fr.gouv.cncd.atlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class InternalErrorBodiesTest {

  private final InternalErrorBodies.Filter filter = new InternalErrorBodies.Filter();

  @Test
  void aServerErrorLeavesWithAFrenchMessageAndNoExceptionClass() throws Exception {
    MockHttpServletResponse response = run(500,
        "{\"type\":\"IllegalArgumentException\",\"message\":\"argument type mismatch\",\"code\":null}");
    assertThat(response.getStatus()).isEqualTo(500);
    assertThat(response.getContentLength()).isEqualTo(InternalErrorBodies.BODY.getBytes(StandardCharsets.UTF_8).length);
    assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(InternalErrorBodies.BODY)
        .doesNotContain("Exception").contains("Une erreur interne est survenue");
  }

  @Test
  void aTaskCompletedByAnotherUserAtTheSameMomentIsAConflictSaidInFrench() throws Exception {
    for (String body : new String[] {
        "{\"type\":\"ObjectOptimisticLockingFailureException\",\"message\":\"Row was updated or deleted by another"
            + " transaction (or unsaved-value mapping was incorrect)\",\"code\":null}",
        "{\"type\":\"OptimisticLockingException\",\"message\":\"ENGINE-03005 Execution of 'DELETE TaskEntity[1]'"
            + " failed. Entity was updated by another transaction concurrently.\",\"code\":1}"}) {
      MockHttpServletResponse response = run(500, body);
      assertThat(response.getStatus()).isEqualTo(409);
      assertThat(response.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("Exception", "Entity")
          .contains("terminée ou modifiée par quelqu'un d'autre au même moment", "rien n'a été enregistré");
    }
  }

  @Test
  void aTaskCompletedBeforeIsNotFoundSaidInFrench() throws Exception {
    MockHttpServletResponse response = run(500, "{\"type\":\"RestException\",\"message\":\"Cannot submit task form"
        + " 42: Cannot find task with id 42: task is null\",\"code\":0}");
    assertThat(response.getStatus()).isEqualTo(404);
    assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("Cette tâche n'existe plus");
  }

  @Test
  void aClientErrorIsLeftAsTheEngineWroteIt() throws Exception {
    String body = "{\"type\":\"InvalidRequestException\",\"message\":\"Les expressions ne sont pas admises\"}";
    MockHttpServletResponse response = run(400, body);
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(body);
  }

  @Test
  void aQualifiedExceptionNameLeavesAClientErrorsMessage() throws Exception {
    MockHttpServletResponse response = run(400, "{\"type\":\"RestException\",\"message\":\"org.camunda.bpm.engine."
        + "MismatchingMessageCorrelationException: Cannot correlate message 'x'\",\"code\":0}");
    assertThat(response.getContentAsString(StandardCharsets.UTF_8))
        .isEqualTo("{\"type\":\"RestException\",\"message\":\"Cannot correlate message 'x'\",\"code\":0}");
  }

  @Test
  void aParserErrorInPlainTextOrQuotingJavaTypesBecomesAFrenchMessage() throws Exception {
    MockHttpServletResponse plain = run(400, "Unexpected character ('b' (code 98)) at [Source: REDACTED", "text/plain");
    assertThat(plain.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(InternalErrorBodies.UNREADABLE);
    assertThat(plain.getContentType()).startsWith("application/json");
    MockHttpServletResponse types = run(400, "{\"type\":\"InvalidRequestException\",\"message\":\"Cannot convert"
        + " value zz to java type java.util.Date\"}");
    assertThat(types.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(InternalErrorBodies.UNREADABLE)
        .contains("n'est pas un JSON valide");
    MockHttpServletResponse empty = run(400, "{\"type\":\"InvalidRequestException\",\"message\":\"\",\"code\":null}");
    assertThat(empty.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(InternalErrorBodies.UNREADABLE);
  }

  @Test
  void theEnginesUsualEnglishRefusalsAreSaidInFrenchKeepingTheirType() throws Exception {
    assertThat(run(404, "{\"type\":\"RestException\",\"message\":\"Cannot find task with id 42\","
        + "\"code\":null}").getContentAsString(StandardCharsets.UTF_8)).isEqualTo("{\"type\":\"RestException\","
        + "\"message\":\"Cette tâche n'existe plus : elle a été terminée, peut-être par quelqu'un d'autre. Actualisez la"
        + " liste des tâches.\",\"code\":null}");
    // Tasklist turns this one into « La tâche n'existe plus » itself: it is left for it to recognize.
    String noMatchingTask = "{\"type\":\"InvalidRequestException\",\"message\":\"No matching task with id 42\"}";
    assertThat(run(404, noMatchingTask).getContentAsString(StandardCharsets.UTF_8)).isEqualTo(noMatchingTask);
    assertThat(run(403, "{\"type\":\"AuthorizationException\",\"message\":\"The user with id 'mdupont' does not have"
        + " 'CREATE' permission on resource 'Task'.\",\"userId\":\"mdupont\"}").getContentAsString(StandardCharsets.UTF_8))
        .isEqualTo("{\"type\":\"AuthorizationException\",\"message\":\"Vous n'avez pas le droit d'effectuer cette"
            + " opération.\",\"userId\":\"mdupont\"}");
    assertThat(run(400, "{\"type\":\"TaskAlreadyClaimedException\",\"message\":\"Cannot claim task '42': task is"
        + " already claimed by 'ytanguy'.\"}").getContentAsString(StandardCharsets.UTF_8))
        .contains("\"message\":\"Cette tâche est déjà prise en charge par « ytanguy ».\"");
    assertThat(run(404, "{\"type\":\"InvalidRequestException\",\"message\":\"No matching process instance with id"
        + " 7\"}").getContentAsString(StandardCharsets.UTF_8)).contains("L'élément demandé n'existe pas ou plus.");
  }

  @Test
  void aSuccessIsLeftAlone() throws Exception {
    String body = "[{\"id\":\"org.camunda.bpm.engine.SomeException: not an error here\"}]";
    assertThat(run(200, body).getContentAsString(StandardCharsets.UTF_8)).isEqualTo(body);
  }

  private MockHttpServletResponse run(int status, String body) throws Exception {
    return run(status, body, "application/json");
  }

  private MockHttpServletResponse run(int status, String body, String contentType) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/task");
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
      @Override
      protected void service(jakarta.servlet.http.HttpServletRequest req, HttpServletResponse res)
          throws java.io.IOException {
        res.setHeader("Content-Length", String.valueOf(body.length())); // as Jersey may: before the status
        res.setStatus(status);
        res.setContentType(contentType);
        res.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        res.flushBuffer();
      }
    }));
    return response;
  }
}
