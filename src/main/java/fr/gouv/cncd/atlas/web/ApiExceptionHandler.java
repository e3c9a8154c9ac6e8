package fr.gouv.cncd.atlas.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error of the application's API is {@code application/problem+json}, in French. Errors met
 * before a controller is chosen (unknown address, wrong method or content type) are caught here
 * too; outside /api they go on to the French error pages (templates/pages/error).
 */
@RestControllerAdvice
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidRequestException e) {
    return problem(HttpStatus.BAD_REQUEST, "Requête invalide", e.getMessage(), e.errors());
  }

  @ExceptionHandler(ConflictException.class)
  ResponseEntity<ProblemDetail> conflict(ConflictException e) {
    return problem(HttpStatus.CONFLICT, "Conflit", e.getMessage(), List.of(e.error()));
  }

  @ExceptionHandler(GoneException.class)
  ResponseEntity<ProblemDetail> gone(GoneException e) {
    ResponseEntity<ProblemDetail> answer = problem(HttpStatus.GONE, e.accountActive() ? "Compte déjà actif"
        : "Lien expiré ou déjà utilisé", e.getMessage(), List.of());
    if (e.accountActive()) {
      answer.getBody().setProperty("accountActive", true);
    }
    return answer;
  }

  @ExceptionHandler(TooManyRequestsException.class)
  ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException e) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
    return problem(HttpStatus.TOO_MANY_REQUESTS, e.title(), e.getMessage(), List.of(), headers);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    return problem(HttpStatus.BAD_REQUEST, "Requête invalide",
        "Le contenu de la requête n'est pas un JSON valide ou contient une valeur d'un type inattendu.", List.of());
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request)
      throws HttpMediaTypeNotAcceptableException {
    requireApi(request, e);
    return problem(HttpStatus.NOT_ACCEPTABLE, "Format de réponse non disponible",
        "Cette adresse ne répond pas dans le format demandé (en-tête Accept).", List.of());
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request)
      throws HttpMediaTypeNotSupportedException {
    requireApi(request, e);
    return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Format non pris en charge",
        "La requête doit être envoyée au format JSON (Content-Type: application/json).", List.of());
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request)
      throws HttpRequestMethodNotSupportedException {
    requireApi(request, e);
    return problem(HttpStatus.METHOD_NOT_ALLOWED, "Méthode non autorisée",
        "La méthode " + e.getMethod() + " n'est pas autorisée pour cette adresse.", List.of());
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ProblemDetail> notFound(NoResourceFoundException e, HttpServletRequest request)
      throws NoResourceFoundException {
    requireApi(request, e);
    return problem(HttpStatus.NOT_FOUND, "Introuvable", "Cette adresse de l'API n'existe pas.", List.of());
  }

  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<ProblemDetail> status(ResponseStatusException e) {
    return problem(e.getStatusCode(), titleOf(e.getStatusCode()), e.getReason(), List.of());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) throws Exception {
    requireApi(request, e);
    log.error("Unexpected error on the API", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Erreur interne",
        "Une erreur inattendue est survenue. Réessayez plus tard ; si elle persiste, contactez la DAECT.", List.of());
  }

  /** Outside /api the exception goes on, unchanged, to Spring Boot's (French) error pages. */
  private static <E extends Exception> void requireApi(HttpServletRequest request, E e) throws E {
    if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      throw e;
    }
  }

  private static String titleOf(HttpStatusCode status) {
    return switch (status.value()) {
      case 400 -> "Requête invalide";
      case 401 -> "Authentification requise";
      case 403 -> "Accès refusé";
      case 404 -> "Introuvable";
      case 409 -> "Conflit";
      case 429 -> "Trop de demandes";
      default -> "Erreur";
    };
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String title, String detail,
      List<FieldMessage> errors) {
    return problem(status, title, detail, errors, new HttpHeaders());
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String title, String detail,
      List<FieldMessage> errors, HttpHeaders headers) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(URI.create("about:blank"));
    if (!errors.isEmpty()) {
      problem.setProperty("errors", errors);
    }
    return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
