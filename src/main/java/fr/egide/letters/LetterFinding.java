package fr.egide.letters;

import fr.egide.compliance.Finding;
import fr.egide.compliance.Rule;

/**
 * A problem that stops a letter: the reply linter's SECRET_MEDICAL finding, one of the letters' own secrecy
 * patterns ({@code letters/secret-courriers.tsv}), or — in the offer to talk only — a demand or pressure the
 * template forbids ({@code interdit:} lines, rule TON, motif « pression »).
 *
 * @param paragraph the index in {@link LetterDraft#paragraphs()}, or −1 when it is in a field
 * @param field the context's free-text field (« faits publics »…) or « objet », or null when it is in a paragraph
 * @param finding spans are offsets in that paragraph or field
 */
public record LetterFinding(int paragraph, String field, Finding finding) {

    public boolean secrecy() {
        return finding.rule() == Rule.SECRET_MEDICAL;
    }

}
