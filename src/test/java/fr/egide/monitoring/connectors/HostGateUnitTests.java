package fr.egide.monitoring.connectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The per-host politeness gate, on a fake clock: the waits it asks for are asserted, never measured.
 */
class HostGateUnitTests {

    @RegisterExtension
    static WireMockExtension site = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final URI FORUM = URI.create("https://forum.exemple-sante.fr/t/avis-dr-martin/4812");

    static final URI FORUM_OTHER_PAGE = URI.create("https://FORUM.exemple-sante.fr/t/kine-lyon/77");

    static final URI JOURNAL = URI.create("https://journal-exemple.fr/sante");

    final AtomicLong now = new AtomicLong(1_000_000_000L);

    final List<Duration> waits = new CopyOnWriteArrayList<>();

    /** Records the wait and lets the fake time pass, as a real sleep would. */
    final HostGate.Sleeper sleeping = duration -> {
        waits.add(duration);
        now.addAndGet(duration.toNanos());
    };

    HostGate gate(Duration interval, Map<String, Duration> hosts, int maxConcurrent, HostGate.Sleeper sleeper) {
        return new HostGate(interval, hosts, maxConcurrent, now::get, sleeper);
    }

    @Test
    void requestsToOneHostAreSpacedByTheInterval() throws Exception {
        var gate = gate(Duration.ofSeconds(1), Map.of(), 2, sleeping);

        gate.enter(FORUM).close();
        gate.enter(FORUM_OTHER_PAGE).close();
        now.addAndGet(Duration.ofMillis(300).toNanos());
        gate.enter(FORUM).close();
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        gate.enter(FORUM).close();

        // second at once after the first: a full second; third 300 ms after the second began: the 700 ms left; fourth
        // long after: no wait
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofMillis(700));
    }

    @Test
    void callersArrivingTogetherAreGivenSuccessiveStarts() throws Exception {
        // the time does not pass: each caller reserves the start after the previous one's
        var gate = gate(Duration.ofSeconds(1), Map.of(), 10, waits::add);

        for (int i = 0; i < 4; i++) {
            gate.enter(FORUM);
        }

        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3));
    }

    @Test
    void eachHostHasItsOwnPace() throws Exception {
        var gate = gate(Duration.ofSeconds(1), Map.of(), 2, sleeping);

        gate.enter(FORUM).close();
        gate.enter(JOURNAL).close();
        gate.enter(URI.create("https://exemple-sante.fr/")).close();

        assertThat(waits).isEmpty();
    }

    @Test
    void apisThatAllowMoreHaveTheirOwnIntervalByHostOrDomain() throws Exception {
        var gate = gate(Duration.ofSeconds(1), Map.of("googleapis.com", Duration.ofMillis(200),
                "mybusiness.googleapis.com", Duration.ofMillis(50)), 2, sleeping);

        assertThat(gate.interval("places.googleapis.com")).isEqualTo(Duration.ofMillis(200));
        assertThat(gate.interval("MyBusiness.googleapis.com")).isEqualTo(Duration.ofMillis(50));
        assertThat(gate.interval("googleapis.com")).isEqualTo(Duration.ofMillis(200));
        assertThat(gate.interval("notgoogleapis.com")).isEqualTo(Duration.ofSeconds(1));
        var places = URI.create("https://places.googleapis.com/v1/places/ChIJ");
        gate.enter(places).close();
        gate.enter(places).close();
        assertThat(waits).containsExactly(Duration.ofMillis(200));
    }

    @Test
    void atMostTheAllowedNumberOfRequestsAreInFlightToOneHost() throws Exception {
        var gate = gate(Duration.ZERO, Map.of(), 2, sleeping);
        var first = gate.enter(FORUM);
        gate.enter(FORUM);
        var entered = new AtomicBoolean();
        var third = new Thread(() -> {
            try (var pass = gate.enter(FORUM)) {
                entered.set(true);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        });
        third.start();
        // another host is not held up
        gate.enter(JOURNAL).close();
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (third.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(third.getState()).isEqualTo(Thread.State.WAITING);
        assertThat(entered).isFalse();

        first.close();
        first.close();
        third.join(10_000);

        assertThat(entered).isTrue();
        assertThat(waits).isEmpty();
    }

    @Test
    void aCallerInterruptedWhileWaitingGivesItsSlotBack() throws Exception {
        var interrupting = new AtomicBoolean(true);
        var gate = gate(Duration.ofSeconds(1), Map.of(), 1, duration -> {
            if (interrupting.get()) {
                throw new InterruptedException("arrêt du serveur");
            }
            waits.add(duration);
        });
        gate.enter(FORUM).close();

        assertThatThrownBy(() -> gate.enter(FORUM)).isInstanceOf(InterruptedException.class);

        interrupting.set(false);
        gate.enter(FORUM).close();
        assertThat(waits).hasSize(1);
    }

    @Test
    void settingsOutOfRangeAreRefusedInFrench() {
        assertThatThrownBy(() -> gate(Duration.ofSeconds(-1), Map.of(), 1, sleeping))
            .hasMessageContaining("ne peut pas être négatif");
        assertThatThrownBy(() -> gate(Duration.ZERO, Map.of(), 0, sleeping)).hasMessageContaining("d'au moins 1");
    }

    @Test
    void theConnectorsCallsGoThroughTheGate() throws Exception {
        site.stubFor(get("/flux").willReturn(aResponse().withBody("<rss/>")));
        site.stubFor(get(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/res/v1/web/search"))
            .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"type\": \"search\"}")));
        var gate = gate(Duration.ofSeconds(1), Map.of(), 2, sleeping);
        var http = new ConnectorHttp(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), Clock.systemUTC(),
                Duration.ofSeconds(10), gate);
        var brave = new BraveSearchConnector(URI.create(site.baseUrl()), HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .build(), Clock.systemUTC(), Duration.ofSeconds(10), gate);

        http.send("Le flux", http.request(URI.create(site.baseUrl() + "/flux")).GET().build());
        http.send("Le flux", http.request(URI.create(site.baseUrl() + "/flux")).GET().build());
        brave.fetch(new FetchRequest(Map.of("apiKey", "cle-brave"), null, List.of("Claire Martin"), null));

        // three requests to the one loopback host at once: each waits a second after the previous one
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(http.gate()).isSameAs(gate);
    }

}
