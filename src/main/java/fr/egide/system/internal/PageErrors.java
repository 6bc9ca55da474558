package fr.egide.system.internal;

import fr.egide.system.InvalidRequestException;
import fr.egide.system.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Errors of the web UI as a readable French page inside the layout, never a stack trace. */
@org.springframework.core.annotation.Order(0)
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NotFoundException ex, Model model) {
        model.addAttribute("status", 404);
        model.addAttribute("detail", ex.getMessage());
        return "error";
    }

    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String notMultipart(Model model) {
        model.addAttribute("status", 400);
        model.addAttribute("detail", "Envoi de fichier invalide : utilisez le formulaire d'import.");
        return "error";
    }

    @ExceptionHandler(fr.egide.system.ForbiddenException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(fr.egide.system.ForbiddenException ex, Model model) {
        model.addAttribute("status", 403);
        model.addAttribute("detail", ex.getMessage());
        return "error";
    }

    @ExceptionHandler(org.springframework.dao.DuplicateKeyException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String duplicate(Model model) {
        model.addAttribute("status", 409);
        model.addAttribute("detail", "La même opération vient d'être faite par ailleurs : rechargez et vérifiez avant de recommencer.");
        return "error";
    }

    @ExceptionHandler(fr.egide.system.ConflictException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String conflict(fr.egide.system.ConflictException ex, Model model) {
        model.addAttribute("status", 409);
        model.addAttribute("detail", ex.getMessage());
        return "error";
    }

    @ExceptionHandler(InvalidRequestException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalid(InvalidRequestException ex, Model model) {
        model.addAttribute("status", 400);
        model.addAttribute("detail", ex.getMessage());
        return "error";
    }

}
