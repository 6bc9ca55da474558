package fr.egide.monitoring.internal;

import fr.egide.monitoring.connectors.BraveSearchConnector;
import fr.egide.monitoring.connectors.Connector;
import fr.egide.monitoring.connectors.ConnectorException;
import fr.egide.monitoring.connectors.ConnectorHttp;
import fr.egide.monitoring.connectors.FeedConnector;
import fr.egide.monitoring.connectors.FetchRequest;
import fr.egide.monitoring.connectors.FetchResult;
import fr.egide.monitoring.connectors.GoogleBusinessProfileConnector;
import fr.egide.monitoring.connectors.GooglePlacesConnector;
import fr.egide.monitoring.connectors.SearxngConnector;
import fr.egide.monitoring.connectors.WebPageConnector;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The connectors with their services' addresses ({@code egide.monitoring.*}: the real ones by default, a fake's in
 * tests) and one HTTP client. Each connector is a bean; the scanner finds them by kind.
 */
@Configuration(proxyBeanMethods = false)
class ConnectorsConfiguration {

    @Bean
    ConnectorHttp connectorHttp(@Value("${egide.monitoring.http-timeout:20s}") Duration timeout) {
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NORMAL).build();
        return new ConnectorHttp(client, Clock.systemUTC(), timeout);
    }

    @Bean
    GoogleBusinessProfileConnector googleBusinessProfileConnector(ConnectorHttp http,
            @Value("${egide.monitoring.google.reviews-api:https://mybusiness.googleapis.com}") URI reviews,
            @Value("${egide.monitoring.google.accounts-api:https://mybusinessaccountmanagement.googleapis.com}") URI accounts,
            @Value("${egide.monitoring.google.locations-api:https://mybusinessbusinessinformation.googleapis.com}") URI locations) {
        return new GoogleBusinessProfileConnector(reviews, accounts, locations, http);
    }

    /**
     * The practitioner's name in the cabinet's own SearXNG instance; without one configured, such a source says how
     * to configure it instead of failing obscurely.
     */
    @Bean
    Connector searxngConnector(ConnectorHttp http, @Value("${egide.monitoring.searxng-url:}") String url) {
        if (url == null || url.isBlank()) {
            return new Connector() {

                @Override
                public String kind() {
                    return SearxngConnector.KIND;
                }

                @Override
                public FetchResult fetch(FetchRequest request) throws ConnectorException {
                    throw new ConnectorException(ConnectorException.Kind.SETTINGS, "Aucune instance SearXNG n'est configurée : "
                            + "indiquez son adresse dans EGIDE_SEARXNG_URL (format json activé dans son settings.yml).");
                }

            };
        }
        return new SearxngConnector(URI.create(url), http);
    }

    @Bean
    BraveSearchConnector braveSearchConnector(@Value("${egide.monitoring.brave-url:https://api.search.brave.com}") URI url,
            @Value("${egide.monitoring.http-timeout:20s}") Duration timeout) {
        return new BraveSearchConnector(url, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
                Clock.systemUTC(), timeout);
    }

    @Bean
    FeedConnector feedConnector(ConnectorHttp http) {
        return new FeedConnector(http);
    }

    /** Plain HTTP only for now: pages that need scripts say so (the browser lives in the evidence module). */
    @Bean
    WebPageConnector webPageConnector(ConnectorHttp http) {
        return new WebPageConnector(http, null);
    }

    @Bean
    GooglePlacesConnector googlePlacesConnector(ConnectorHttp http,
            @Value("${egide.monitoring.google.places-api:https://places.googleapis.com}") URI places) {
        return new GooglePlacesConnector(places, http);
    }

}
