package fr.egide.identity;

import java.util.UUID;

/** Published when an account is created, so that other modules can give it what it needs. */
public record UserCreated(UUID userId, boolean administrator) {
}
