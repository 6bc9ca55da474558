package fr.egide.monitoring;

/**
 * A date text Égide cannot turn into a range it would trust for a deadline. Guessing would be worse than
 * asking: a wrong date silently shifts a legal deadline, so the text is refused with a message a user can act
 * on, and the caller keeps the raw text for a human to read.
 */
public class UnreadableDateException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String raw;

    public UnreadableDateException(String raw, String message) {
        super(message);
        this.raw = raw;
    }

    /** The text that was refused, as given. */
    public String raw() {
        return raw;
    }
}
