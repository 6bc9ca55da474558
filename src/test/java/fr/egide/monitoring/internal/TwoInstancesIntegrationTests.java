package fr.egide.monitoring.internal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import fr.egide.EgideApplication;
import fr.egide.identity.internal.TestAccounts;
import fr.egide.monitoring.SourceKind;
import fr.egide.monitoring.SourceScans;
import fr.egide.practice.CabinetForm;
import fr.egide.practice.Civility;
import fr.egide.practice.PracticeManagement;
import fr.egide.practice.PractitionerForm;
import fr.egide.practice.Profession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application instances on one PostgreSQL share the scans: every due source is scanned exactly once (one
 * request to its feed, one scan recorded), and both instances take part. This is how Égide grows beyond one
 * machine: more stateless instances on a shared database.
 */
// Closed after the class: its background jobs must not run on in the context cache and take other tests' jobs.
@org.springframework.test.annotation.DirtiesContext
@SpringBootTest(properties = { "egide.jobs.enabled=true", "egide.jobs.polling=1s", "egide.monitoring.due-poll=1s",
        "egide.jobs.instance=instance-A" })
class TwoInstancesIntegrationTests {

    static final int SOURCES = 40;

    @Autowired
    ApplicationContext context;

    @Autowired
    PracticeManagement practice;

    @Autowired
    SourceScans scans;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twoInstancesScanEverySourceOnceBetweenThem() throws Exception {
        var feeds = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        feeds.start();
        // Arguments, not default properties: they must win over the test configuration (jobs off).
        var second = new SpringApplicationBuilder(EgideApplication.class).web(WebApplicationType.NONE)
            .run("--egide.jobs.enabled=true", "--egide.jobs.polling=1s", "--egide.monitoring.due-poll=1s",
                    "--egide.jobs.instance=instance-B");
        try {
            // Each feed answers slowly (300 ms), as real ones do, so that neither instance can take everything alone.
            feeds.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathMatching("/flux/.*"))
                .willReturn(aResponse().withFixedDelay(300).withHeader("Content-Type", "application/atom+xml")
                    .withBody(SourceScansIntegrationTests.FEED)));
            TestAccounts.signIn(context, TestAccounts.create(context, "Dr Deux Instances"));
            var cabinet = practice.createCabinet(new CabinetForm("Cabinet partagé " + UUID.randomUUID(), null, null, null)).id();
            practice.addPractitioner(cabinet, new PractitionerForm(Civility.DR, "Claire", "Martin", Profession.MEDECIN, null, null,
                    List.of(), List.of(), null, null, false));
            var sources = new ArrayList<UUID>();
            for (int i = 0; i < SOURCES; i++) {
                sources.add(scans.add(cabinet, new SourceScans.SourceSettings(SourceKind.FLUX, "Flux " + i,
                        Map.of("url", feeds.baseUrl() + "/flux/" + i), null, null, null)).id());
            }
            SourceScansIntegrationTests.await("tous les relevés", () -> sources.stream().allMatch(id -> scans.status(id).lastSuccessAt() != null));
            Thread.sleep(Duration.ofSeconds(3).toMillis());
            for (int i = 0; i < SOURCES; i++) {
                feeds.verify(1, getRequestedFor(urlEqualTo("/flux/" + i)));
            }
            var perSource = jdbc.sql("select count(*) from monitoring_scan where source_id = any(?) group by source_id")
                .param(sources.toArray(UUID[]::new)).query(Long.class).list();
            assertThat(perSource).hasSize(SOURCES).containsOnly(1L);
            var instances = jdbc.sql("select distinct instance from monitoring_scan where source_id = any(?)")
                .param(sources.toArray(UUID[]::new)).query(String.class).list();
            assertThat(instances).as("both instances scanned").containsExactlyInAnyOrder("instance-A", "instance-B");
            assertThat(jdbc.sql("select count(*) from monitoring_mention m join monitoring_source s on s.id = m.source_id where s.cabinet_id = ?")
                .param(cabinet).query(Long.class).single()).as("2 items per feed, each stored once").isEqualTo(2L * SOURCES);
        }
        finally {
            TestAccounts.signOut();
            second.close();
            feeds.stop();
        }
    }

}
