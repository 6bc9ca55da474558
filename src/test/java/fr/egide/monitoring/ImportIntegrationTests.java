package fr.egide.monitoring;

import fr.egide.identity.internal.TestAccounts;
import fr.egide.practice.CabinetForm;
import fr.egide.practice.PracticeManagement;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imports against the real PostgreSQL: every valid line stored, every bad one listed with its line and
 * reason, nothing half-written, nothing twice.
 */
@SpringBootTest
class ImportIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    PracticeManagement practice;

    @Autowired
    MentionImports imports;

    @Autowired
    Mentions mentions;

    UUID cabinet;

    @BeforeEach
    void signInWithAFreshCabinet() {
        TestAccounts.signIn(context, TestAccounts.create(context, "Dr Import"));
        cabinet = practice.createCabinet(new CabinetForm("Cabinet des tests d'import", null, null, null)).id();
    }

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    ImportReport importText(String fileName, String content) {
        return importBytes(fileName, content.getBytes(StandardCharsets.UTF_8));
    }

    ImportReport importBytes(String fileName, byte[] bytes) {
        return imports.importFile(cabinet, fileName, () -> new ByteArrayInputStream(bytes), null);
    }

    long storedMentions() {
        return mentions.search(new MentionFilter(cabinet, null, null, null, null, null, null, null), 0, 1)
            .totalItems();
    }

    MentionSummary onlyMention() {
        var page = mentions.search(new MentionFilter(cabinet, null, null, null, null, null, null, null), 0, 10);
        assertThat(page.items()).hasSize(1);
        return page.items().get(0);
    }

    @Test
    void importsSemicolonCsvWithFrenchColumnNames() {
        var report = importText("avis.csv", """
                Source;Identifiant;Lien;Auteur;Note;Texte;Date
                Google;g-1;https://maps.example.org/avis/1;Marie L.;5;Médecin très à l'écoute.;2025-06-14
                Google;g-2;https://maps.example.org/avis/2;Paul D.;2;"Attente interminable ; secrétariat
                désagréable";12/09/2025
                PagesJaunes;pj-1;;Anonyme;4;Cabinet propre.;3 février 2025
                """);
        assertThat(report.succeeded()).isTrue();
        assertThat(report.format()).isEqualTo("CSV");
        assertThat(report.created()).isEqualTo(3);
        assertThat(report.rejected()).isZero();
        assertThat(mentions.sources(cabinet)).extracting(Source::name).containsExactly("Google", "PagesJaunes");
        var multiline = mentions.search(new MentionFilter(cabinet, null, null, 2, null, null, null, null), 0, 10)
            .items();
        assertThat(multiline).singleElement().satisfies(m -> assertThat(m.text()).contains("secrétariat\ndésagréable"));
    }

    @Test
    void wrongColumnsFailTheWholeFileAndStoreNothing() {
        var report = importText("patients.csv", """
                nom;prenom;age
                Dupont;Jean;45
                """);
        assertThat(report.succeeded()).isFalse();
        assertThat(report.status()).isEqualTo("ECHEC");
        assertThat(report.error()).startsWith("Ligne 1 :").contains("Colonne obligatoire absente").contains("nom, prenom, age");
        assertThat(storedMentions()).isZero();
        assertThat(imports.report(report.id()).status()).isEqualTo("ECHEC");
    }

    @Test
    void unknownColumnsAreKeptInRawDataAndReported() {
        var report = importText("avis.csv", """
                source,external_id,rating,text,humeur
                Google,g-1,4,Très bien,contente
                """);
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.warnings()).singleElement().asString().contains("humeur");
        var detail = mentions.detail(onlyMention().id());
        assertThat(detail.raw()).contains("\"humeur\"").contains("contente");
    }

    @Test
    void readsAWindows1252File() {
        var content = "source;external_id;rating;text\nGoogle;w-1;5;Très bien reçu, médecin à l'écoute, « parfait »\n";
        var report = importBytes("export-excel.csv", content.getBytes(Charset.forName("windows-1252")));
        assertThat(report.charset()).isEqualTo("windows-1252");
        assertThat(report.created()).isEqualTo(1);
        assertThat(onlyMention().text()).isEqualTo("Très bien reçu, médecin à l'écoute, « parfait »");
    }

    @Test
    void readsUtf8WithByteOrderMark() {
        var report = importText("bom.csv", "\ufeffsource;external_id;rating;text\nGoogle;b-1;3;Correct, sans plus\n");
        assertThat(report.charset()).isEqualTo("UTF-8");
        assertThat(report.created()).isEqualTo(1);
        assertThat(onlyMention().sourceName()).isEqualTo("Google");
    }

    @Test
    void rejectsRatingsOutsideOneToFiveWithTheirLineNumber() {
        var report = importText("notes.csv", """
                source;external_id;rating;text
                Google;r-0;0;Zéro étoile
                Google;r-6;6;Six étoiles
                Google;r-4;4/5;Quatre sur cinq
                Google;r-x;beaucoup;Note illisible
                """);
        assertThat(report.succeeded()).isTrue();
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.rejected()).isEqualTo(3);
        assertThat(report.issues()).extracting(ImportIssue::lineNo).containsExactly(2L, 3L, 5L);
        assertThat(report.issues()).allSatisfy(issue -> {
            assertThat(issue.kind()).isEqualTo("REJET");
            assertThat(issue.reason()).contains("de 1 à 5");
        });
        assertThat(report.issues().get(1).reason()).contains("« 6 »");
        assertThat(onlyMention().rating()).isEqualTo(4);
    }

    @Test
    void emptyTextIsAcceptedWithARatingAndRejectedWithout() {
        var report = importText("vides.csv", """
                source;external_id;rating;text
                Google;e-1;5;
                Google;e-2;;
                """);
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.rejected()).isEqualTo(1);
        assertThat(report.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.lineNo()).isEqualTo(3);
            assertThat(issue.reason()).contains("Ni texte ni note");
        });
        assertThat(onlyMention().text()).isEmpty();
    }

    @Test
    void duplicateRowsInAFileAreStoredOnceAndListed() {
        var report = importText("doublons.csv", """
                source;external_id;rating;text
                Google;d-1;5;Parfait
                Google;d-1;5;Parfait
                Forum;;;Un message sans identifiant
                Forum;;;Un message sans identifiant
                """);
        assertThat(report.created()).isEqualTo(2);
        assertThat(report.duplicates()).isEqualTo(2);
        assertThat(report.issues()).extracting(ImportIssue::lineNo, ImportIssue::kind)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "DOUBLON"),
                    org.assertj.core.groups.Tuple.tuple(5L, "DOUBLON"));
        assertThat(report.issues().get(0).reason()).contains("ligne 2");
        assertThat(storedMentions()).isEqualTo(2);
    }

    @Test
    void reimportingTheSameFileCreatesNoDuplicates() {
        var file = """
                source;external_id;rating;text;date
                Google;same-1;4;Bon accueil;il y a 2 semaines
                Forum;;;Quelqu'un connaît ce cabinet ?;hier
                """;
        var first = importText("avis.csv", file);
        var second = importText("avis.csv", file);
        assertThat(first.created()).isEqualTo(2);
        assertThat(second.created()).isZero();
        assertThat(second.unchanged()).isEqualTo(2);
        assertThat(storedMentions()).isEqualTo(2);
    }

    @Test
    void aChangedTextBecomesANewVersionAndTheFirstIsKept() {
        importText("v1.csv", "source;external_id;rating;text\nGoogle;edit-1;1;Médecin nul, à éviter\n");
        var report = importText("v2.csv", "source;external_id;rating;text;date\nGoogle;edit-1;2;Médecin décevant;modifié il y a 5 jours\n");
        assertThat(report.updated()).isEqualTo(1);
        var detail = mentions.detail(onlyMention().id());
        assertThat(detail.mention().text()).isEqualTo("Médecin décevant");
        assertThat(detail.mention().versionCount()).isEqualTo(2);
        assertThat(detail.versions()).extracting(MentionVersion::text)
            .containsExactly("Médecin décevant", "Médecin nul, à éviter");
        assertThat(detail.mention().status()).isEqualTo(MentionStatus.NOUVEAU);
    }

    @Test
    void relativeDatesBecomeRangesAndKeepTheirRawText() {
        var before = Instant.now();
        var report = importText("relatives.jsonl", """
                {"source": "Google", "external_id": "rel-1", "rating": 2, "text": "Trop d'attente", "date": "il y a 3 mois"}
                {"source": "Google", "external_id": "rel-2", "rating": 5, "text": "Super", "date": "Visité en mars 2020"}
                {"source": "Google", "external_id": "rel-3", "rating": 3, "text": "Bof", "date": "la semaine des quatre jeudis"}
                """);
        assertThat(report.format()).isEqualTo("JSON_LINES");
        assertThat(report.created()).isEqualTo(2);
        assertThat(report.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.lineNo()).isEqualTo(3);
            assertThat(issue.reason()).contains("la semaine des quatre jeudis");
        });
        var threeMonths = mentions.search(new MentionFilter(cabinet, null, 2, 2, null, null, null, null), 0, 1)
            .items()
            .get(0);
        assertThat(threeMonths.publishedRaw()).isEqualTo("il y a 3 mois");
        assertThat(threeMonths.publishedPrecision()).isEqualTo("MONTH");
        assertThat(threeMonths.publishedLatest()).isBefore(before.minus(80, ChronoUnit.DAYS));
        assertThat(threeMonths.publishedEarliest()).isAfter(before.minus(130, ChronoUnit.DAYS));
        var visit = mentions.detail(
                mentions.search(new MentionFilter(cabinet, null, 5, 5, null, null, null, null), 0, 1).items().get(0).id());
        assertThat(visit.publishedBasis()).isEqualTo("VISITE");
        assertThat(visit.mention().publishedEarliest()).isEqualTo(Instant.parse("2020-02-29T23:00:00Z"));
    }

    @Test
    void aDayRangeStaysInsideItsDayOnceStored() {
        importText("jour.csv", "source;external_id;rating;text;date\nGoogle;day-1;4;Bien;14/06/2025\n");
        var stored = onlyMention();
        assertThat(stored.publishedPrecision()).isEqualTo("DAY");
        assertThat(stored.publishedEarliest()).isEqualTo(Instant.parse("2025-06-13T22:00:00Z"));
        // PostgreSQL keeps microseconds: the last nanosecond of the day must not round up to the next day.
        assertThat(stored.publishedLatest()).isEqualTo(Instant.parse("2025-06-14T21:59:59.999999Z"));
    }

    @Test
    void malformedJsonArrayFailsAsAWholeWithItsPosition() {
        var report = importText("casse.json", """
                [
                  {"source": "Google", "external_id": "j-1", "rating": 5, "text": "Bien"},
                  {"source": "Google", "external_id": "j-2", "rating": 4 "text": "Virgule oubliée"}
                ]
                """);
        assertThat(report.succeeded()).isFalse();
        assertThat(report.error()).contains("JSON mal formé ligne 3").contains("Rien n'a été importé");
        assertThat(storedMentions()).isZero();
    }

    @Test
    void jsonArrayImportsEveryObject() {
        var report = importText("avis.json", """
                [
                  {"source": "Google", "external_id": "a-1", "rating": 5, "text": "Bien", "date": "2025-01-10"},
                  {"source": "Google", "external_id": "a-2", "rating": "3", "text": "Moyen"},
                  "pas un objet"
                ]
                """);
        assertThat(report.format()).isEqualTo("JSON");
        assertThat(report.created()).isEqualTo(2);
        assertThat(report.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.lineNo()).isEqualTo(4);
            assertThat(issue.reason()).contains("objet JSON");
        });
    }

    @Test
    void aMalformedJsonLineIsRejectedAlone() {
        var report = importText("avis.jsonl", """
                {"source": "Google", "external_id": "l-1", "rating": 5, "text": "Bien"}
                {"source": "Google", "external_id": "l-2", "rating": 5, "text": "Pas fermé"
                {"source": "Google", "external_id": "l-3", "rating": 1, "text": "Mal"}
                """);
        assertThat(report.created()).isEqualTo(2);
        assertThat(report.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.lineNo()).isEqualTo(2);
            assertThat(issue.reason()).startsWith("JSON mal formé");
        });
    }

    @Test
    void aJsonArrayOnOneLineKeepsEveryDistinctReview() {
        var report = importText("une-ligne.json", "[{\"source\":\"Google\",\"external_id\":\"o-1\",\"rating\":5,\"text\":\"Bien\"},"
                + "{\"source\":\"Google\",\"external_id\":\"o-1\",\"rating\":5,\"text\":\"Bien\"},"
                + "{\"source\":\"Google\",\"external_id\":\"o-2\",\"rating\":9,\"text\":\"Note fausse\"},"
                + "{\"source\":\"Google\",\"external_id\":\"o-3\",\"rating\":0,\"text\":\"Note fausse aussi\"},"
                + "{\"source\":\"Google\",\"external_id\":\"o-4\",\"rating\":2,\"text\":\"Bof\"}]");
        assertThat(report.succeeded()).as(report.error()).isTrue();
        assertThat(report.created()).isEqualTo(2);
        assertThat(report.duplicates()).isEqualTo(1);
        assertThat(report.rejected()).isEqualTo(2);
        assertThat(report.issues()).extracting(ImportIssue::lineNo).containsOnly(1L);
    }

    @Test
    void nulBytesAreDroppedNotFatal() {
        var report = importText("nul.csv", "source;external_id;rating;text\nGoogle;n-1;4;Tr\u0000ès bien\nGoogle;n-2;x\u0000;Bien\n");
        assertThat(report.succeeded()).as(report.error()).isTrue();
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.rejected()).isEqualTo(1);
        assertThat(onlyMention().text()).isEqualTo("Très bien");
    }

    @Test
    void aUtf16FileIsRefusedWithAnExplanation() {
        var report = importBytes("unicode.txt",
                concat(new byte[] { (byte) 0xff, (byte) 0xfe }, "source;text\nGoogle;Bien\n".getBytes(StandardCharsets.UTF_16LE)));
        assertThat(report.succeeded()).isFalse();
        assertThat(report.error()).contains("UTF-16").contains("CSV UTF-8");
    }

    static byte[] concat(byte[] a, byte[] b) {
        var out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void aJsonArrayWithAByteOrderMarkIsRead() {
        var report = importText("bom.json", "\ufeff[{\"source\": \"Google\", \"external_id\": \"b-1\", \"text\": \"Bien\"}]");
        assertThat(report.succeeded()).as(report.error()).isTrue();
        assertThat(report.created()).isEqualTo(1);
        var trailing = importText("suite.json", "[{\"source\": \"Google\", \"text\": \"Bien\"}] {\"text\": \"en trop\"}");
        assertThat(trailing.succeeded()).isFalse();
        assertThat(trailing.error()).contains("après la fin du tableau");
    }

    @Test
    void lineNumbersCountBlankLines() {
        var report = importText("blancs.csv", "source;external_id;rating;text\n\nGoogle;l-1;5;Bien\n\n\nGoogle;l-2;6;Trop\n");
        assertThat(report.issues()).singleElement().satisfies(issue -> assertThat(issue.lineNo()).isEqualTo(6));
    }

    @Test
    void aReviewWithoutIdIsRecognisedWhenItsRelativeDateMoved() {
        importText("mars.csv", "source;author;rating;text;date\nForum;Léa;2;Attente trop longue;il y a 3 mois\n");
        var later = importText("avril.csv", "source;author;rating;text;date\nForum;Léa;2;Attente trop longue;il y a 4 mois\n");
        assertThat(later.created()).isZero();
        assertThat(storedMentions()).isEqualTo(1);
    }

    @Test
    void impossibleDatesAreRejectedNotFatal() {
        var report = importText("dates.csv", "source;external_id;text;date;seen_at\nGoogle;d-1;A;il y a 9999 ans;\nGoogle;d-2;B;0000;\n"
                + "Google;d-3;C;hier;2999-01-01\nGoogle;d-4;D;hier;\n");
        assertThat(report.succeeded()).as(report.error()).isTrue();
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.rejected()).isEqualTo(3);
    }

    @Test
    void twoImportsIntoOneCabinetAtOnceBothSucceed() throws Exception {
        var lines = new StringBuilder("source;external_id;rating;text\n");
        for (int i = 0; i < 3000; i++) {
            lines.append("Source ").append(i % 7).append(";c-").append(i).append(";4;Avis ").append(i).append('\n');
        }
        var bytes = lines.toString().getBytes(StandardCharsets.UTF_8);
        var user = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var tasks = new java.util.ArrayList<java.util.concurrent.Future<ImportReport>>();
            for (int t = 0; t < 2; t++) {
                tasks.add(pool.submit(() -> {
                    org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(user);
                    return importBytes("concurrent.csv", bytes);
                }));
            }
            var first = tasks.get(0).get();
            var second = tasks.get(1).get();
            assertThat(first.succeeded()).as(first.error()).isTrue();
            assertThat(second.succeeded()).as(second.error()).isTrue();
            assertThat(first.created() + second.created()).isEqualTo(3000);
            assertThat(storedMentions()).isEqualTo(3000);
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void frenchFullTextSearchFindsStemmedWords() {
        importText("avis.csv", """
                source;external_id;rating;text
                Google;s-1;2;Une attente interminable au secrétariat
                Google;s-2;5;Docteur attentionné et disponible
                """);
        var found = mentions.search(new MentionFilter(cabinet, null, null, null, null, null, null, "secrétariats"), 0, 10);
        assertThat(found.items()).extracting(MentionSummary::text).containsExactly("Une attente interminable au secrétariat");
    }

}
