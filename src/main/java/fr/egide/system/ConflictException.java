package fr.egide.system;

/**
 * The request is valid but the thing it acts on is not in a state that allows it (a reply approved before its
 * délai de réflexion, by its own author when a second reader is required…); the message says why, in French.
 */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }

}
