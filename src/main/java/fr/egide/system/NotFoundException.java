package fr.egide.system;

/**
 * Something the caller asked for does not exist, or exists in a cabinet the caller may not see: both
 * answer 404 so that ids cannot be probed.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }

}
