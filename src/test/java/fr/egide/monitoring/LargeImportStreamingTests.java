package fr.egide.monitoring;

import fr.egide.identity.internal.TestAccounts;
import fr.egide.practice.CabinetForm;
import fr.egide.practice.PracticeManagement;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 50 MB file goes through the import in a JVM whose heap is too small to hold it (the build runs this
 * class alone with -Xmx160m): it can only pass if the file is streamed. The file is generated on the fly,
 * so it never exists whole in memory on the test side either.
 */
@Tag("streaming")
@SpringBootTest
class LargeImportStreamingTests {

    static final long FIFTY_MEGABYTES = 50L * 1024 * 1024;

    @Autowired
    ApplicationContext context;

    @Autowired
    PracticeManagement practice;

    @Autowired
    MentionImports imports;

    @AfterEach
    void signOut() {
        TestAccounts.signOut();
    }

    @Test
    void importsAFiftyMegabyteCsvWithoutHoldingIt() {
        TestAccounts.signIn(context, TestAccounts.create(context, "Dr Volume"));
        var cabinet = practice.createCabinet(new CabinetForm("Cabinet volumineux", null, null, null)).id();
        var maxHeap = Runtime.getRuntime().maxMemory();

        var report = imports.importFile(cabinet, "gros.csv", () -> new GeneratedCsv(FIFTY_MEGABYTES), null);

        assertThat(report.succeeded()).as(report.error()).isTrue();
        assertThat(report.rejected()).isEqualTo(report.totalRows() / 1000);
        assertThat(report.created()).isEqualTo(report.totalRows() - report.rejected());
        assertThat(report.totalRows()).isGreaterThan(150_000);
        assertThat(maxHeap).as("this test only proves streaming when the heap is smaller than the file's text")
            .isLessThan(2 * FIFTY_MEGABYTES + 100L * 1024 * 1024);
    }

    @Test
    void importsLongReviewsWithoutHoldingThem() {
        TestAccounts.signIn(context, TestAccounts.create(context, "Dr Bavard"));
        var cabinet = practice.createCabinet(new CabinetForm("Cabinet aux longs avis", null, null, null)).id();
        var longText = "Avis très détaillé sur l'accueil, l'attente et les soins. ".repeat(170);
        var report = imports.importFile(cabinet, "longs.csv", () -> new GeneratedCsv(40L * 1024 * 1024, longText), null);
        assertThat(report.succeeded()).as(report.error()).isTrue();
        assertThat(report.created()).isGreaterThan(3_000);
    }

    /** A CSV of reviews produced as it is read; one line in a thousand has an invalid rating. */
    static final class GeneratedCsv extends InputStream {

        private final long size;

        private final String body;

        private long produced;

        private long line;

        private byte[] current = "source;external_id;author;rating;text;date\n".getBytes(StandardCharsets.UTF_8);

        private int position;

        GeneratedCsv(long size) {
            this(size, "accueil correct, attente un peu longue, médecin à l'écoute, explications claires ; "
                    + "je recommande le cabinet pour sa disponibilité.");
        }

        GeneratedCsv(long size, String body) {
            this.size = size;
            this.body = body;
        }

        @Override
        public int read() {
            if (position == current.length && !nextLine()) {
                return -1;
            }
            produced++;
            return current[position++] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (position == current.length && !nextLine()) {
                return -1;
            }
            var count = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, count);
            position += count;
            produced += count;
            return count;
        }

        private boolean nextLine() {
            if (produced >= size) {
                return false;
            }
            line++;
            var rating = line % 1000 == 0 ? 9 : 1 + line % 5;
            current = ("Google;big-" + line + ";Patient " + line % 997 + ";" + rating
                    + ";\"Avis numéro " + line + " : " + body + "\";il y a "
                    + (1 + line % 11) + " mois\n").getBytes(StandardCharsets.UTF_8);
            position = 0;
            return true;
        }

    }

}
