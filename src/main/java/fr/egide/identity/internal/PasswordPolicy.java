package fr.egide.identity.internal;

import fr.egide.system.InvalidRequestException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Length first, no composition rules (ANSSI and NIST SP 800-63B): at least 12 characters, and not a common
 * password, even dressed with digits or symbols around it ("motdepasse2024!") or repeated ("azertyazerty").
 * The list is a shipped file, {@code identity/mots-de-passe-courants.txt}, whose header gives its source.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;

    static final int MAX_LENGTH = 128;

    private static final Set<String> COMMON = load();

    private static final String[] SEQUENCES = { "0123456789".repeat(4), "abcdefghijklmnopqrstuvwxyz".repeat(2),
            "azertyuiopqsdfghjklmwxcvbn".repeat(2), "qwertyuiopasdfghjklzxcvbnm".repeat(2) };

    private PasswordPolicy() {
    }

    /** Throws a French explanation when the password is refused. */
    static void check(String password, String... personalWords) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new InvalidRequestException("Le mot de passe doit compter au moins " + MIN_LENGTH + " caractères.");
        }
        if (password.length() > MAX_LENGTH) {
            throw new InvalidRequestException("Le mot de passe est trop long : " + MAX_LENGTH + " caractères au plus.");
        }
        if (isCommon(password)) {
            throw new InvalidRequestException("Ce mot de passe fait partie des mots de passe les plus courants, que les "
                    + "attaquants essaient en premier : choisissez-en un autre, par exemple une phrase de plusieurs mots.");
        }
        var lower = password.toLowerCase(Locale.ROOT);
        for (var word : personalWords) {
            var personal = word == null ? "" : word.split("@", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (personal.length() >= 4 && lower.contains(personal)) {
                throw new InvalidRequestException("Le mot de passe ne doit pas contenir votre adresse e-mail ou votre nom.");
            }
        }
    }

    static boolean isCommon(String password) {
        var lower = password.toLowerCase(Locale.ROOT).strip();
        if (COMMON.contains(lower)) {
            return true;
        }
        // The common word with only digits and symbols around it.
        var core = lower.replaceAll("^[^\\p{L}]+", "").replaceAll("[^\\p{L}]+$", "");
        if (core.length() >= 4 && COMMON.contains(core)) {
            return true;
        }
        // A run along the digits, the alphabet or a keyboard row (123456789012, azertyuiopqs).
        for (var run : SEQUENCES) {
            if (run.contains(lower) || new StringBuilder(run).reverse().toString().contains(lower)) {
                return true;
            }
        }
        // A common password repeated, or a single character repeated.
        for (int size = 1; size <= lower.length() / 2; size++) {
            if (lower.length() % size == 0 && lower.substring(0, size).repeat(lower.length() / size).equals(lower)
                    && (size < 4 || COMMON.contains(lower.substring(0, size)))) {
                return true;
            }
        }
        return false;
    }

    static int size() {
        return COMMON.size();
    }

    private static Set<String> load() {
        var resource = PasswordPolicy.class.getResourceAsStream("/identity/mots-de-passe-courants.txt");
        if (resource == null) {
            throw new IllegalStateException("Liste des mots de passe courants absente : identity/mots-de-passe-courants.txt");
        }
        var words = new HashSet<String>(40_000);
        try (var reader = new BufferedReader(new InputStreamReader(resource, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return Set.copyOf(words);
    }

}
