package fr.egide.monitoring.internal;

/** The file as a whole cannot be imported (wrong columns, malformed JSON…): nothing of it is stored. */
class ImportFailure extends RuntimeException {

    ImportFailure(String message) {
        super(message);
    }

}
