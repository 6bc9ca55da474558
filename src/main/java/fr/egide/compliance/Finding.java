package fr.egide.compliance;

import fr.egide.analysis.Span;
import java.util.List;

/**
 * One problem in a reply.
 *
 * @param motif which kind of problem within the rule ("relation", "sollicitation", "cris"…), stable for tests
 * and statistics
 * @param spans the words of the reply concerned (offsets in the reply); empty for what is missing (no greeting)
 * @param message why it is a problem and how to fix it, in French
 * @param basis the text of law or deontology
 */
public record Finding(Rule rule, Severity severity, String motif, List<Span> spans, String message, String basis) {

    public Finding {
        spans = List.copyOf(spans);
    }

}
