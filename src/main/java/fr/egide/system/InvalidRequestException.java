package fr.egide.system;

/** The request cannot be carried out as asked; the message is in French and says how to fix it. */
public class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String message) {
        super(message);
    }

}
