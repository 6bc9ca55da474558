package fr.egide.identity;

/**
 * A role in an organisation. ADMIN_ORG manages the organisation's administrators and the cabinets that consented to
 * it (their members and invitations); it gives no access to a cabinet's contents unless a cabinet role is also given.
 */
public enum OrganisationRole {
    ADMIN_ORG
}
