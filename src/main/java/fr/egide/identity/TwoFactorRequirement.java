package fr.egide.identity;

import java.util.UUID;

/**
 * A rule that makes two-factor authentication mandatory for some users (an organisation that demands it of its
 * members). Any bean implementing it is asked at each sign-in; one "yes" is enough. Égide-wide, the setting
 * {@code egide.identity.totp-required=true} demands it of everyone.
 */
public interface TwoFactorRequirement {

    boolean requiredFor(UUID userId);

}
