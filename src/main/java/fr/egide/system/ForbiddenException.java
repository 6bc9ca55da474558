package fr.egide.system;

/** The caller may see the thing but not do this to it (a role is missing); the message says who may, in French. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }

}
