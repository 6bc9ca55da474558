package fr.egide.monitoring.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import fr.egide.identity.internal.TestAccounts;
import fr.egide.monitoring.SourceKind;
import fr.egide.monitoring.SourceScans;
import fr.egide.practice.CabinetForm;
import fr.egide.practice.PracticeManagement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * Two sources of two cabinets pointing at one host, scanned at the same moment by the application's scanner: the
 * host's requests start a second apart (egide.monitoring.politeness.min-interval). Only a lower bound is asserted: a
 * sleep is never shorter than asked, so the two scans take a second at least, where unpaced they take milliseconds.
 */
@org.springframework.test.annotation.DirtiesContext
@SpringBootTest(properties = "egide.monitoring.politeness.min-interval=1s")
class PolitenessIntegrationTests {

    static WireMockServer forum;

    @Autowired
    ApplicationContext context;

    @Autowired
    PracticeManagement practice;

    @Autowired
    SourceScans scans;

    @Autowired
    SourceScanner scanner;

    @BeforeAll
    static void start() {
        forum = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        forum.start();
    }

    @AfterAll
    static void stop() {
        forum.stop();
    }

    UUID source(String cabinetName, String path) {
        var cabinet = practice.createCabinet(new CabinetForm(cabinetName + " " + UUID.randomUUID(), null, null, null)).id();
        return scans.add(cabinet, new SourceScans.SourceSettings(SourceKind.FLUX, "Forum " + path,
                Map.of("url", forum.baseUrl() + path), null, null, null)).id();
    }

    @Test
    void twoSourcesOnOneHostAreSpacedByTheMinimumInterval() throws Exception {
        var feed = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Forum Santé</title>"
                + "<link>https://forum.exemple-sante.fr/</link><description>Sujets</description></channel></rss>";
        for (var path : new String[] { "/sujets/lyon.rss", "/sujets/villeurbanne.rss" }) {
            forum.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withHeader("Content-Type", "application/rss+xml").withBody(feed)));
        }
        TestAccounts.signIn(context, TestAccounts.create(context, "Dr Politesse"));
        UUID first;
        UUID second;
        try {
            first = source("Cabinet du Rhône", "/sujets/lyon.rss");
            second = source("Cabinet de Villeurbanne", "/sujets/villeurbanne.rss");
        }
        finally {
            TestAccounts.signOut();
        }

        var pool = Executors.newFixedThreadPool(2);
        var started = System.nanoTime();
        try {
            var a = pool.submit(() -> scanner.scan(first));
            var b = pool.submit(() -> scanner.scan(second));
            assertThat(a.get().status()).isEqualTo("TERMINE");
            assertThat(b.get().status()).isEqualTo("TERMINE");
        }
        finally {
            pool.shutdownNow();
        }
        var elapsed = java.time.Duration.ofNanos(System.nanoTime() - started);

        assertThat(forum.getAllServeEvents()).hasSize(2);
        // the second request may not start before a second after the first one started (the server's receipt times
        // are not used: the first request also pays for opening the connection)
        assertThat(elapsed).isGreaterThanOrEqualTo(java.time.Duration.ofSeconds(1));
    }

}
