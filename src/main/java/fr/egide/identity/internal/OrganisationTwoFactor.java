package fr.egide.identity.internal;

import fr.egide.identity.TwoFactorRequirement;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Two-factor authentication demanded by an organisation: of its administrators (ADMIN_ORG), and of the members of
 * every cabinet whose consent to it is in force (a withdrawn consent lifts the demand).
 */
@Component
class OrganisationTwoFactor implements TwoFactorRequirement {

    private final JdbcClient jdbc;

    OrganisationTwoFactor(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean requiredFor(UUID userId) {
        return jdbc.sql("""
                select exists (
                    select 1 from identity_organisation_member m join identity_organisation o on o.id = m.organisation_id
                    where m.user_id = :user and o.totp_required
                    union all
                    select 1 from identity_membership ms
                    join identity_organisation_consent c on c.cabinet_id = ms.cabinet_id and c.withdrawn_at is null
                    join identity_organisation o on o.id = c.organisation_id
                    where ms.user_id = :user and o.totp_required)
                """)
            .param("user", userId)
            .query(Boolean.class)
            .single();
    }

}
