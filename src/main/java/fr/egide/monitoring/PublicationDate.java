package fr.egide.monitoring;

import java.time.Instant;

/**
 * When a mention was published (or modified, or the visit happened), as a range, with the raw text kept.
 * <p>
 * Review sites seldom give a date; they say "il y a 3 mois". The raw text is kept because it is what the site
 * showed, hence the evidence; the range is what that text can mean. Legal deadlines (three months to act
 * against a defamation) are computed from {@code earliest}, the safe end, so the range is built wide enough to
 * contain the true date. Both ends are inclusive: a day ends on its last nanosecond (start of the next day
 * minus 1 ns).
 *
 * @param raw the text exactly as seen, never null
 * @param earliest the earliest instant the text can mean
 * @param latest the latest instant the text can mean, never before {@code earliest}
 * @param precision how coarse the text was; a range may be wider than one unit of it ("il y a 3 mois" spans a
 *     month and some days)
 * @param basis what the date refers to
 */
public record PublicationDate(String raw, Instant earliest, Instant latest, Precision precision, Basis basis) {

    /** How coarse the text was, so screens can show "mars 2020" rather than a fake exact instant. */
    public enum Precision { INSTANT, DAY, WEEK, MONTH, YEAR }

    /**
     * What the date refers to: the publication, the last modification ("modifié il y a…"), or the visit
     * ("Visité en mars 2020"). Only a publication date starts a deadline; the others only bound it.
     */
    public enum Basis { PUBLICATION, MODIFICATION, VISITE }

    public PublicationDate {
        if (raw == null) {
            throw new IllegalArgumentException("Le texte d'origine de la date est obligatoire");
        }
        if (earliest == null || latest == null || precision == null || basis == null) {
            throw new IllegalArgumentException("Date incomplète : « " + raw + " »");
        }
        if (earliest.isAfter(latest)) {
            throw new IllegalArgumentException(
                "Début après la fin pour « " + raw + " » : " + earliest + " > " + latest);
        }
    }
}
