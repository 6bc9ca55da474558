package fr.egide.system;

/** The version written in the jar's manifest, or "dev" when running from the IDE or the test classpath. */
public final class EgideVersion {

    private EgideVersion() {
    }

    public static String current() {
        var version = EgideVersion.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

}
