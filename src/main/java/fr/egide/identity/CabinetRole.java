package fr.egide.identity;

/** What a user does for a cabinet. The fine-grained rights of each role come with the security work. */
public enum CabinetRole {
    TITULAIRE, SECRETARIAT, RELECTEUR, CONSEIL
}
