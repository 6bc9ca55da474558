package fr.egide.letters;

import java.util.List;

/**
 * One mandatory element of a letter (docs/LETTERS.md, from LEGAL.md § 3) and whether the draft holds it.
 *
 * @param code the checklist's code, e.g. « A7 »
 * @param markers the texts that show it is there (all must be in the letter); tests look for them in the PDF
 */
public record MandatoryElement(String code, String label, List<String> markers, boolean present) {

    public MandatoryElement {
        markers = List.copyOf(markers);
    }

}
