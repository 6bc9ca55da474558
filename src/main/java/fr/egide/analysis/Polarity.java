package fr.egide.analysis;

/** Overall tone of a text or a theme. */
public enum Polarity {
    POSITIVE, NEUTRAL, NEGATIVE
}
