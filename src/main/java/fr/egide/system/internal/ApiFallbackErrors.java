package fr.egide.system.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * API errors that no API controller handled — an unknown address, a wrong method, an unexpected failure —
 * still answer an RFC 9457 problem in French under {@code /api}; elsewhere the exception goes on to the
 * HTML error page.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiFallbackErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiFallbackErrors.class);

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> fallback(Exception ex, HttpServletRequest request) throws Exception {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            throw ex;
        }
        HttpStatus status;
        String detail;
        if (ex instanceof NoResourceFoundException) {
            status = HttpStatus.NOT_FOUND;
            detail = "Adresse inconnue de l'API : consultez /v3/api-docs.";
        }
        else if (ex instanceof HttpRequestMethodNotSupportedException method) {
            status = HttpStatus.METHOD_NOT_ALLOWED;
            detail = "Méthode HTTP « " + method.getMethod() + " » non prise en charge ici.";
        }
        else if (ex instanceof HttpMediaTypeNotSupportedException media) {
            status = HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            detail = "Type de contenu non pris en charge : « " + media.getContentType() + " ».";
        }
        else if (ex instanceof MaxUploadSizeExceededException) {
            status = HttpStatus.PAYLOAD_TOO_LARGE;
            detail = "Fichier trop volumineux : 200 Mo au plus.";
        }
        else if (ex instanceof MultipartException) {
            status = HttpStatus.BAD_REQUEST;
            detail = "Envoi de fichier invalide : utilisez multipart/form-data avec une partie « file ».";
        }
        else {
            log.error("Erreur inattendue sur {}", request.getRequestURI(), ex);
            status = HttpStatus.INTERNAL_SERVER_ERROR;
            detail = "Erreur inattendue : la requête n'a pas abouti et rien n'a été enregistré à moitié. Réessayez ; "
                    + "si l'erreur persiste, signalez-la à votre administrateur.";
        }
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

}
