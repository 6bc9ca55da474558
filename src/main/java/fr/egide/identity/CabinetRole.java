package fr.egide.identity;

import static fr.egide.identity.Permission.*;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a user does for a cabinet, and the permissions that come with it. This table is the role matrix of
 * docs/SECURITY.md; ADMIN_ORG is not here on purpose: it is a role in an organisation, which gives no access to
 * a cabinet's contents.
 */
public enum CabinetRole {

    TITULAIRE("Titulaire", EnumSet.complementOf(EnumSet.of(READ_SHARED_DOSSIERS))),
    SECRETARIAT("Secrétariat", EnumSet.of(READ, TRIAGE, CAPTURE_EVIDENCE, EDIT_DOSSIER, DRAFT_REPLY, DRAFT_LETTER)),
    RELECTEUR("Relecteur", EnumSet.of(READ, APPROVE_REPLY)),
    CONSEIL("Conseil", EnumSet.of(READ_SHARED_DOSSIERS, EXPORT_EVIDENCE));

    private final String label;

    private final Set<Permission> permissions;

    CabinetRole(String label, Set<Permission> permissions) {
        this.label = label;
        this.permissions = Set.copyOf(permissions);
    }

    public String label() {
        return label;
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }

}
