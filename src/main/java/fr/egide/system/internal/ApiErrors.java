package fr.egide.system.internal;

import fr.egide.system.InvalidRequestException;
import fr.egide.system.NotFoundException;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error of the REST API as an RFC 9457 problem detail, with a French explanation. */
@org.springframework.core.annotation.Order(0)
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors extends ResponseEntityExceptionHandler {

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException ex) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
        problem.setTitle("Introuvable");
        return problem;
    }

    @ExceptionHandler(fr.egide.system.ForbiddenException.class)
    ProblemDetail forbidden(fr.egide.system.ForbiddenException ex) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage());
        problem.setTitle("Action réservée");
        return problem;
    }

    /** Two requests did the same thing at once (a second reply created, the same version number). */
    @ExceptionHandler(org.springframework.dao.DuplicateKeyException.class)
    ProblemDetail duplicate(org.springframework.dao.DuplicateKeyException ex) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "La même opération vient d'être faite par ailleurs : rechargez et vérifiez avant de recommencer.");
        problem.setTitle("Action impossible dans l'état actuel");
        return problem;
    }

    @ExceptionHandler(fr.egide.system.ConflictException.class)
    ProblemDetail conflict(fr.egide.system.ConflictException ex) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setTitle("Action impossible dans l'état actuel");
        return problem;
    }

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException ex) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
        problem.setTitle("Requête invalide");
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return french(ex, status, "Corps de requête illisible : envoyez un JSON valide, conforme au format "
                + "documenté dans /v3/api-docs.", request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        var name = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : ex.getPropertyName();
        return french(ex, status, "Valeur invalide pour « " + name + " » : « " + ex.getValue() + " ».", request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return french(ex, status, "Paramètre obligatoire absent : « " + ex.getParameterName() + " ».", request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return french(ex, status, "Partie obligatoire absente : « " + ex.getRequestPartName() + " ».", request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return french(ex, status, "Type de contenu non pris en charge : « " + ex.getContentType() + " ».", request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return french(ex, status, "Méthode HTTP « " + ex.getMethod() + " » non prise en charge ici.", request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return french(ex, status, "Adresse inconnue de l'API : consultez /v3/api-docs.", request);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return french(ex, status, "Fichier trop volumineux : 200 Mo au plus.", request);
    }

    private ResponseEntity<Object> french(Exception ex, HttpStatusCode status, String detail, WebRequest request) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        return handleExceptionInternal(ex, problem, new HttpHeaders(), status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Map<String, String> fields = ex.getBindingResult()
            .getFieldErrors()
            .stream()
            .collect(Collectors.toMap(error -> error.getField(),
                    error -> error.getDefaultMessage() == null ? "valeur invalide" : error.getDefaultMessage(),
                    (first, second) -> first));
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Certains champs sont invalides : " + String.join(", ", fields.keySet()) + ".");
        problem.setTitle("Requête invalide");
        problem.setProperty("errors", fields);
        return ResponseEntity.badRequest().body(problem);
    }

}
