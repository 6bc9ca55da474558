package fr.egide.system;

/**
 * A column of a module's table that holds secrets encrypted by {@link Secrets}. Modules declare theirs as beans,
 * so that a key rotation (and the first encryption of values stored in clear) re-encrypts every one of them.
 *
 * @param table the owning module's table
 * @param keyColumn a column that identifies a row (its primary key)
 * @param column the encrypted column (null values are left alone)
 */
public record SecretColumn(String table, String keyColumn, String column) {

    public SecretColumn {
        for (var name : new String[] { table, keyColumn, column }) {
            if (name == null || !name.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("nom de table ou de colonne invalide : " + name);
            }
        }
    }

}
