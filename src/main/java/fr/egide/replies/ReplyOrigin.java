package fr.egide.replies;

/** Who wrote a version: a person, the assistant's model texts, or a language model (always reviewed). */
public enum ReplyOrigin {
    MANUEL, MODELE, IA
}
