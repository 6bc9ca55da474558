package fr.egide.monitoring.internal;

import fr.egide.monitoring.connectors.ConnectorHttp;
import fr.egide.monitoring.connectors.GoogleBusinessProfileConnector;
import fr.egide.monitoring.connectors.GooglePlacesConnector;
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

    @Bean
    GooglePlacesConnector googlePlacesConnector(ConnectorHttp http,
            @Value("${egide.monitoring.google.places-api:https://places.googleapis.com}") URI places) {
        return new GooglePlacesConnector(places, http);
    }

}
