package fr.egide.monitoring;

import java.util.List;

/**
 * A family of labels another module puts on mentions (see {@link MentionLabels}), declared as a bean so that the
 * mentions page and the API can offer it as a filter without knowing that module.
 *
 * @param family the family, also the name of the page's query parameter ("qualification", "indice")
 * @param values its values, in the order the filter lists them; each is shown with the message key family.value
 */
public record MentionLabelFamily(String family, List<String> values) {

    public MentionLabelFamily {
        values = List.copyOf(values);
    }

    /** The label for a value of this family, or an error in French when the value is not one of them. */
    public String label(String value) {
        if (!values.contains(value)) {
            throw new fr.egide.system.InvalidRequestException(
                    "Valeur inconnue pour le filtre « " + family + " » : " + value + ". Valeurs possibles : "
                            + String.join(", ", values) + ".");
        }
        return family + "." + value;
    }

}
