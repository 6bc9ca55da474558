package fr.egide.monitoring.connectors;

import java.util.List;
import java.util.Map;

/**
 * What a connector needs for one fetch.
 *
 * @param settings the source's settings (feed URL, place id, query, CSS selector…), by name
 * @param cursor where the previous page stopped (a page token, a date, a content hash), or null for the start
 * @param nameVariants how the practitioner may be written ("Dr Claire Martin", "Claire Martin", "Martin Claire"…),
 *        for connectors that look for mentions in text
 * @param accessToken the OAuth access token, for the connectors that need one (null otherwise)
 */
public record FetchRequest(Map<String, String> settings, String cursor, List<String> nameVariants, String accessToken) {

    public FetchRequest {
        settings = Map.copyOf(settings);
        nameVariants = List.copyOf(nameVariants);
    }

    public String setting(String name) {
        return settings.get(name);
    }

}
