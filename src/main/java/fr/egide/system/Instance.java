package fr.egide.system;

/**
 * This running instance of Égide among those sharing the database (several stateless instances on one
 * PostgreSQL): its name is recorded with the work it does, and names it among db-scheduler's workers.
 */
public record Instance(String name) {
}
