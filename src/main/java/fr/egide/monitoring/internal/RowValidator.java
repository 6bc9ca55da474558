package fr.egide.monitoring.internal;

import fr.egide.monitoring.FrenchDates;
import fr.egide.monitoring.PublicationDate;
import fr.egide.monitoring.UnreadableDateException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks one import record and explains, in French, what is wrong with it. Every check that fails is a
 * rejection of that line only; the rest of the file goes on.
 */
final class RowValidator {

    static final int MAX_TEXT = 50_000;

    /** No online review is older than this; earlier dates are typing errors (and beyond PostgreSQL's range). */
    static final Instant OLDEST = Instant.parse("1990-01-01T00:00:00Z");

    private static final Pattern RATING = Pattern.compile("^([0-9]+)(?:[.,]0+)?\\s*(?:/\\s*5|★|étoiles?|etoiles?|stars?)?$");

    private final String defaultSource;

    private final Instant importedAt;

    private final Function<Object, String> toJson;

    RowValidator(String defaultSource, Instant importedAt, Function<Object, String> toJson) {
        this.defaultSource = defaultSource == null || defaultSource.isBlank() ? null : defaultSource.strip();
        this.importedAt = importedAt;
        this.toJson = toJson;
    }

    /** The valid row, or a {@link Rejection} saying why not. */
    Object validate(RawRow row) {
        if (row.error() != null) {
            return new Rejection(row, row.error());
        }
        if (row.values().isEmpty()) {
            return new Rejection(row, "Aucune colonne reconnue (attendues : "
                    + String.join(", ", ImportColumns.CANONICAL) + ").");
        }
        var source = row.get(ImportColumns.SOURCE);
        if (source == null) {
            source = defaultSource;
        }
        if (source == null) {
            return new Rejection(row, "Source absente : remplissez la colonne « source » ou choisissez une source "
                    + "par défaut pour l'import.");
        }
        if (source.length() > 120) {
            return new Rejection(row, "Nom de source trop long (120 caractères au plus).");
        }
        var text = row.values().getOrDefault(ImportColumns.TEXT, "").strip();
        if (text.length() > MAX_TEXT) {
            return new Rejection(row, "Texte trop long : " + text.length() + " caractères (" + MAX_TEXT
                    + " au plus).");
        }
        Integer rating;
        var rawRating = row.get(ImportColumns.RATING);
        if (rawRating == null) {
            rating = null;
        }
        else {
            var matcher = RATING.matcher(rawRating.toLowerCase(Locale.ROOT));
            rating = matcher.matches() ? parseSmall(matcher.group(1)) : null;
            if (rating == null || rating < 1 || rating > 5) {
                return new Rejection(row, "La note doit être un nombre entier de 1 à 5 (lu : « " + rawRating + " »).");
            }
        }
        if (text.isEmpty() && rating == null) {
            return new Rejection(row, "Ni texte ni note : il n'y a rien à enregistrer.");
        }
        var url = row.get(ImportColumns.URL);
        if (url != null && !validUrl(url)) {
            return new Rejection(row, "Adresse web invalide (lu : « " + url + " ») : elle doit commencer par "
                    + "http:// ou https://.");
        }
        var externalId = row.get(ImportColumns.EXTERNAL_ID);
        if (externalId != null && externalId.length() > 300) {
            return new Rejection(row, "Identifiant externe trop long (300 caractères au plus).");
        }
        Instant seenAt;
        try {
            seenAt = seenAt(row.get(ImportColumns.SEEN_AT));
        }
        catch (DateTimeParseException ex) {
            return new Rejection(row, "Date de relevé illisible (lu : « " + row.get(ImportColumns.SEEN_AT)
                    + " ») : écrivez-la comme 2024-03-12 ou 2024-03-12T10:15:00Z.");
        }
        if (seenAt.isAfter(importedAt.plus(Duration.ofDays(1)))) {
            return new Rejection(row, "Date de relevé dans le futur (lu : « " + row.get(ImportColumns.SEEN_AT) + " »).");
        }
        PublicationDate published;
        try {
            published = FrenchDates.parse(row.get(ImportColumns.DATE), seenAt);
        }
        catch (UnreadableDateException ex) {
            return new Rejection(row, ex.getMessage());
        }
        if (published != null && published.earliest().isBefore(OLDEST)) {
            return new Rejection(row, "Date trop ancienne pour un avis en ligne (lu : « " + published.raw()
                    + " ») : avant 1990, elle est certainement erronée.");
        }
        var author = row.get(ImportColumns.AUTHOR);
        var language = row.get(ImportColumns.LANGUAGE);
        language = language != null ? language.toLowerCase(Locale.ROOT) : LanguageGuess.guess(text);
        var fingerprint = fingerprint(source, author, rating, text);
        return new ValidRow(row.line(), source, externalId, url, author, rating, text, language, published, seenAt,
                fingerprint, toJson.apply(row.original()));
    }

    private Instant seenAt(String value) {
        if (value == null) {
            return importedAt;
        }
        if (value.length() == 10) {
            return LocalDate.parse(value).atTime(12, 0).atZone(FrenchDates.PARIS).toInstant();
        }
        return Instant.parse(value);
    }

    private static Integer parseSmall(String digits) {
        return digits.length() > 2 ? null : Integer.valueOf(digits);
    }

    private static boolean validUrl(String url) {
        try {
            var uri = URI.create(url);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }

    /**
     * Identifies a review that has no id of its own: the same source, author, rating and text is the same
     * review. The date is left out: sites show it relative ("il y a 3 mois"), so it changes between two exports.
     */
    static String fingerprint(String source, String author, Integer rating, String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            for (var part : new String[] { source.toLowerCase(Locale.ROOT), author, String.valueOf(rating),
                    RowReader.oneSpace(text) }) {
                digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A line that is not stored, with the reason shown to the user. */
    record Rejection(RawRow row, String reason) {
    }

}
