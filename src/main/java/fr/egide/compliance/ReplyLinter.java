package fr.egide.compliance;

import fr.egide.analysis.ReviewAnalyzer;
import fr.egide.compliance.engine.LintEngine;
import fr.egide.compliance.engine.LinterData;

/**
 * The reply linter: what in a draft reply would breach medical secrecy, advertise, or answer in anger, and
 * whether its form is right. Plain Java, no Spring, no database, no network; thread-safe. Spelling is checked
 * only when a {@link SpellChecker} is given (LanguageTool takes seconds to start and about 200 MB).
 */
public final class ReplyLinter {

    /** Longer than this is not a reply; refusing it keeps the linter fast whatever it is given. */
    public static final int MAX_CHARS = 20_000;

    private final LintEngine engine;

    private final SpellChecker spelling;

    private ReplyLinter(LintEngine engine, SpellChecker spelling) {
        this.engine = engine;
        this.spelling = spelling;
    }

    /** The linter with the rules shipped in the jar, without spelling. */
    public static ReplyLinter standard(ReviewAnalyzer analyzer) {
        return new ReplyLinter(new LintEngine(LinterData.bundled(), analyzer), null);
    }

    /** The same rules, with spelling and grammar checked by this checker. */
    public ReplyLinter withSpelling(SpellChecker checker) {
        return new ReplyLinter(engine, checker);
    }

    public LintResult lint(String reply) {
        return lint(reply, null);
    }

    /**
     * @param reply the draft reply
     * @param review the review it answers, or null: health details the review gives must not be echoed
     */
    public LintResult lint(String reply, String review) {
        if (reply == null || reply.isBlank()) {
            throw new IllegalArgumentException("La réponse est vide.");
        }
        if (reply.length() > MAX_CHARS) {
            throw new IllegalArgumentException("La réponse dépasse 20 000 caractères : une réponse publique tient en quelques phrases.");
        }
        return engine.lint(reply, review, spelling);
    }

    public String version() {
        return engine.version();
    }

}
