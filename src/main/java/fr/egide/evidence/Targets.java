package fr.egide.evidence;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * What may be captured: http and https only, and no loopback, private or link-local address (a capture server
 * must not be turned against its own network) unless the host is explicitly allowed.
 */
public final class Targets {

    private Targets() {
    }

    /** The URL to capture, or IllegalArgumentException with the reason in French. */
    public static URI check(String url, Set<String> allowedHosts) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("Adresse invalide : " + url);
        }
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("Seules les adresses http et https se capturent : " + url);
        }
        var host = uri.getHost().toLowerCase(Locale.ROOT);
        if (allowedHosts.contains(host)) {
            return uri;
        }
        try {
            for (var address : InetAddress.getAllByName(host)) {
                if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress() || address.isMulticastAddress()) {
                    throw new IllegalArgumentException("Adresse locale ou privée refusée (" + host + " → " + address.getHostAddress()
                            + ") : ajoutez --allow-host " + host + " si c'est voulu.");
                }
            }
        }
        catch (UnknownHostException ex) {
            throw new IllegalArgumentException("Hôte inconnu : " + host);
        }
        return uri;
    }

}
