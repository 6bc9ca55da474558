package fr.egide.reporting.internal;

import fr.egide.reporting.ReadinessCheck;
import fr.egide.reporting.ReadinessStatus;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The « bons réflexes » never advise soliciting, buying or « drowning » reviews: the codes of ethics forbid it (third
 * parties' testimonials, fake reviews). Every message of the checklist is read from the bundle and checked for the
 * words of such advice.
 */
class ReadinessGuidanceUnitTests {

    /** Written without accents: messages are compared once their accents are removed. */
    static final Pattern FORBIDDEN = Pattern.compile(String.join("|",
            "avis positif", "bons avis", "bon avis", "avis favorable", "sollicit", "demande[rz]? (un |des |d'|de |a vos )?(avis|patients)",
            "laisser (un |des )?avis", "laissez (un |des )?avis", "deposer (un |des )?avis", "incit", "encourag",
            "noy", "noie", "nois", "enfou", "achet", "achat", "acquer", "payer", "paye[rz]? ", "remuner", "recompens", "etoiles",
            "faux avis", "avis fictif", "contre-avis", "compenser", "diluer", "parrain", "concours"), Pattern.CASE_INSENSITIVE);

    static Properties bundle() throws Exception {
        var properties = new Properties();
        try (var in = ReadinessGuidanceUnitTests.class.getResourceAsStream("/messages/messages.properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    static String plain(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace('’', '\'').replace('\u00A0', ' ');
    }

    @Test
    void noReadinessMessageAdvisesSolicitingBuyingOrDrowningReviews() throws Exception {
        var bundle = bundle();
        var readiness = bundle.stringPropertyNames().stream().filter(key -> key.startsWith("reflexes.")).sorted().toList();
        // Every check has its title, its guidance and a finding for each status.
        for (var check : ReadinessCheck.values()) {
            assertThat(readiness).contains("reflexes." + check + ".titre", "reflexes." + check + ".conseil");
            for (var status : ReadinessStatus.values()) {
                assertThat(readiness).contains("reflexes." + check + "." + status);
            }
        }
        var offending = new ArrayList<String>();
        for (var key : readiness) {
            var matcher = FORBIDDEN.matcher(plain(bundle.getProperty(key)));
            if (matcher.find()) {
                offending.add(key + " (« " + matcher.group() + " »)");
            }
        }
        assertThat(offending).as("readiness messages advising what the codes of ethics forbid").isEmpty();
    }

    @Test
    void theScanCatchesTheAdviceItForbids() {
        for (var advice : new String[] { "Demandez un avis à vos patients satisfaits.", "Sollicitez vos patients.",
                "Noyez les avis négatifs sous des avis positifs.", "Achetez des avis.", "Obtenez plus d'étoiles." }) {
            assertThat(FORBIDDEN.matcher(plain(advice)).find()).as(advice).isTrue();
        }
        assertThat(FORBIDDEN.matcher(plain("Revendiquez la fiche Google de votre cabinet.")).find()).isFalse();
    }

}
