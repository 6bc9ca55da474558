package fr.egide.analysis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.egide.analysis.Analysis;
import fr.egide.analysis.AnalysisRequest;
import fr.egide.analysis.ReviewAnalyzer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Stored analyses name the analyser's fixed sentences; reading them back, or exporting them, gives the same analysis. */
@SpringBootTest
class PhraseBookIntegrationTests {

    static final ReviewAnalyzer ANALYZER = ReviewAnalyzer.standard();

    @Autowired
    AnalysisStore store;

    @Autowired
    PhraseBook phrases;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    PlatformTransactionManager transactionManager;

    static Analysis analysis(String text, int rating) {
        return ANALYZER.analyze(new AnalysisRequest(text, rating, "Google", null, null, null,
                Instant.parse("2026-11-02T09:00:00Z"), 0, Instant.parse("2026-11-20T09:00:00Z")));
    }

    static AnalysisStore.Stored stored(Analysis analysis) {
        return new AnalysisStore.Stored(UUID.randomUUID(), UUID.randomUUID(), 1, "Auteur fictif",
                Instant.parse("2026-11-02T09:00:00Z"), Instant.parse("2026-11-02T09:00:00Z"), 0, analysis);
    }

    @Test
    void anAnalysisReadBackIsTheOneStoredWithItsSentencesKeptOnce() {
        var defamatory = analysis("Ce médecin est un escroc et un charlatan, il fait payer des actes qu'il ne réalise pas.", 1);
        var praising = analysis("Très bon médecin, à l'écoute et ponctuel. Merci.", 5);
        var contradicting = analysis("Médecin incompétent et méprisant, une honte.", 5);
        assertThat(defamatory.strategy().deadlines()).as("une échéance de prescription").isNotEmpty();
        assertThat(contradicting.sentiment().contradictionReason()).isNotBlank();
        var rows = List.of(stored(defamatory), stored(praising), stored(contradicting));
        store.save(rows);

        for (var row : rows) {
            assertThat(store.find(row.mentionId())).get().extracting(AnalysisStore.Stored::analysis).isEqualTo(row.analysis());
            var raw = jdbc.sql("select result from analysis_mention where mention_id = ?").param(row.mentionId())
                .query(String.class).single();
            var full = json.writeValueAsString(row.analysis());
            assertThat(raw).contains(String.valueOf(PhraseBook.MARK)).doesNotContain(row.analysis().strategy().rationale());
            assertThat(raw.length()).as("taille stockée").isLessThan(full.length() * 3 / 4);
            // The export's SQL function writes the sentences out: the same JSON as the analysis itself.
            var exported = jdbc.sql("select analysis_result_json(result)::text from analysis_mention where mention_id = ?")
                .param(row.mentionId()).query(String.class).single();
            assertThat(json.readTree(exported)).isEqualTo(json.readTree(full));
        }
        assertThat(store.find(rows.stream().map(AnalysisStore.Stored::mentionId).toList()).values())
            .extracting(AnalysisStore.Stored::analysis)
            .containsExactlyInAnyOrderElementsOf(rows.stream().map(AnalysisStore.Stored::analysis).toList());
        // A sentence is kept once, however many analyses name it.
        assertThat(jdbc.sql("select count(*) from analysis_phrase where text = ?")
            .param(praising.impact().factors().get(0).explanation()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anotherInstanceReadsThePhrasesThisOneAdded() {
        var other = new PhraseBook(jdbc, transactionManager);
        var analysis = analysis("Secrétariat injoignable, rendez-vous annulé sans prévenir, aucune excuse.", 1);
        var compacted = other.compact(List.of(analysis)).get(0);
        assertThat(compacted.strategy().rationale()).startsWith(String.valueOf(PhraseBook.MARK));
        assertThat(phrases.expand(compacted)).isEqualTo(analysis);
    }

    @Test
    void phrasesAddedForABatchThatRollsBackStayUsable() {
        var analysis = analysis("Accueil glacial et médecin pressé : déçue, pour une note de 2 sur 5.", 2);
        var compacted = new TransactionTemplate(transactionManager).execute(status -> {
            var named = phrases.compact(List.of(analysis)).get(0);
            status.setRollbackOnly();
            return named;
        });
        assertThat(new PhraseBook(jdbc, transactionManager).expand(compacted)).isEqualTo(analysis);
    }

    @Test
    void aFullBookStoresNewSentencesAsWritten() {
        var full = new PhraseBook(jdbc, transactionManager, 0);
        var written = analysis("Cabinet sale, salle d'attente bondée, je ne reviendrai pas.", 1);
        var step = "Une étape que nul autre n'a écrite (" + UUID.randomUUID() + ").";
        var strategy = written.strategy();
        var analysis = new Analysis(written.language(), written.sentiment(), written.themes(), written.indicators(),
                written.qualification(), written.impact(),
                new fr.egide.analysis.Strategy(strategy.kind(), strategy.rationale(), List.of(step), strategy.deadlines()),
                written.analyzerVersion(), written.notes());
        var compacted = full.compact(List.of(analysis)).get(0);
        assertThat(compacted.strategy().nextSteps()).containsExactly(step);
        assertThat(jdbc.sql("select count(*) from analysis_phrase where text = ?").param(step).query(Long.class).single()).isZero();
        assertThat(full.expand(compacted)).isEqualTo(analysis);
    }

}
