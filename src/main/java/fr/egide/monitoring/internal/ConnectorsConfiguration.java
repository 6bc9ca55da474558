package fr.egide.monitoring.internal;

import fr.egide.monitoring.PageRenderer;
import fr.egide.monitoring.connectors.BraveSearchConnector;
import fr.egide.monitoring.connectors.Connector;
import fr.egide.monitoring.connectors.ConnectorException;
import fr.egide.monitoring.connectors.ConnectorHttp;
import fr.egide.monitoring.connectors.FeedConnector;
import fr.egide.monitoring.connectors.FetchRequest;
import fr.egide.monitoring.connectors.FetchResult;
import fr.egide.monitoring.connectors.GoogleBusinessProfileConnector;
import fr.egide.monitoring.connectors.GooglePlacesConnector;
import fr.egide.monitoring.connectors.HostGate;
import fr.egide.monitoring.connectors.SearxngConnector;
import fr.egide.monitoring.connectors.WebPageConnector;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The connectors with their services' addresses ({@code egide.monitoring.*}: the real ones by default, a fake's in
 * tests) and one HTTP client. Each connector is a bean; the scanner finds them by kind. Every request goes through
 * one {@link HostGate} ({@code egide.monitoring.politeness.*}): however many sources point at a host, this instance
 * spaces its requests to it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PolitenessSettings.class)
class ConnectorsConfiguration {

    @Bean
    HostGate hostGate(PolitenessSettings settings) {
        var hosts = settings.hosts().entrySet().stream()
            .collect(Collectors.toMap(entry -> entry.getKey().strip().toLowerCase(Locale.ROOT), java.util.Map.Entry::getValue,
                    (first, second) -> second));
        return HostGate.of(settings.minInterval(), hosts, settings.maxConcurrent());
    }

    @Bean
    ConnectorHttp connectorHttp(@Value("${egide.monitoring.http-timeout:20s}") Duration timeout, HostGate gate) {
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NORMAL).build();
        return new ConnectorHttp(client, Clock.systemUTC(), timeout, gate);
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
            @Value("${egide.monitoring.http-timeout:20s}") Duration timeout, HostGate gate) {
        return new BraveSearchConnector(url, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
                Clock.systemUTC(), timeout, gate);
    }

    @Bean
    FeedConnector feedConnector(ConnectorHttp http) {
        return new FeedConnector(http);
    }

    /**
     * Pages that need their scripts are rendered by the evidence module's Chromium when that module is there
     * ({@link PageRenderer}); without it, such pages say how to get a browser.
     */
    @Bean
    WebPageConnector webPageConnector(ConnectorHttp http, ObjectProvider<PageRenderer> renderer,
            @Value("${egide.monitoring.render-timeout:30s}") Duration renderTimeout) {
        return new WebPageConnector(http, renderer.getIfAvailable(), renderTimeout);
    }

    @Bean
    GooglePlacesConnector googlePlacesConnector(ConnectorHttp http,
            @Value("${egide.monitoring.google.places-api:https://places.googleapis.com}") URI places) {
        return new GooglePlacesConnector(places, http);
    }

}
