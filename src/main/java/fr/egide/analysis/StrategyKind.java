package fr.egide.analysis;

/** The four strategies of the Ordre's method. */
public enum StrategyKind {
    /** Do nothing, avoid amplifying. */
    NEUTRE,
    /** A short, empathetic reply that says nothing of the care — or no public reply at all. */
    DEFENSIVE,
    /** Contact the author to talk and possibly obtain removal. */
    PACIFIQUE,
    /** Evidence first, then platform notice, formal notice, insurer, lawyer. */
    OFFENSIVE
}
