package fr.egide.replies;

/** Where a reply stands. */
public enum ReplyState {
    BROUILLON, EN_RELECTURE, APPROUVE, PUBLIE, ABANDONNE;

    public boolean active() {
        return this == BROUILLON || this == EN_RELECTURE || this == APPROUVE;
    }
}
