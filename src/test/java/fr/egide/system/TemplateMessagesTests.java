package fr.egide.system;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every word a user reads comes from the message bundle (so the interface can be reviewed and translated in
 * one place), and every message a template asks for exists.
 */
class TemplateMessagesTests {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");

    static final Pattern MESSAGE_KEY = Pattern.compile("#\\{'?([a-zA-Z0-9_.]+)'?[}(]");

    /** Text that is not French prose: column identifiers of the import format, symbols, the RPPS acronym. */
    static final Pattern NOT_PROSE = Pattern.compile("^([a-z_]+|RPPS|[—→←·|:\\-\\s]+)$");

    @Test
    void templatesHaveNoHardCodedText() throws IOException {
        var offenders = new ArrayList<String>();
        for (var template : templates()) {
            var document = Jsoup.parse(template.toFile(), "UTF-8");
            for (var element : document.getAllElements()) {
                if (replacedByThymeleaf(element)) {
                    continue;
                }
                for (var node : element.textNodes()) {
                    var text = node.text().strip();
                    if (!text.isEmpty() && !NOT_PROSE.matcher(text).matches()) {
                        offenders.add(TEMPLATES.relativize(template) + ": « " + text + " »");
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    private static boolean replacedByThymeleaf(Element element) {
        for (var current = element; current != null; current = current.parent()) {
            for (var attribute : List.of("th:text", "th:utext", "th:replace", "th:insert")) {
                if (current.hasAttr(attribute)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void everyMessageUsedByATemplateExists() throws IOException {
        var messages = new Properties();
        try (var in = new InputStreamReader(Files.newInputStream(Path.of("src/main/resources/messages/messages.properties")),
                StandardCharsets.UTF_8)) {
            messages.load(in);
        }
        var missing = new ArrayList<String>();
        for (var template : templates()) {
            var matcher = MESSAGE_KEY.matcher(Files.readString(template));
            while (matcher.find()) {
                var key = matcher.group(1);
                if (!key.endsWith(".") && !messages.containsKey(key)) {
                    missing.add(TEMPLATES.relativize(template) + ": " + key);
                }
            }
        }
        assertThat(missing).isEmpty();
        assertThat(messages).isNotEmpty();
    }

    /** With arguments, a message goes through MessageFormat, which eats single apostrophes: "l'import" must be "l''import". */
    @Test
    void messagesWithArgumentsDoubleTheirApostrophes() throws IOException {
        var messages = new Properties();
        try (var in = new InputStreamReader(Files.newInputStream(Path.of("src/main/resources/messages/messages.properties")),
                StandardCharsets.UTF_8)) {
            messages.load(in);
        }
        var wrong = new ArrayList<String>();
        messages.forEach((key, value) -> {
            var text = value.toString();
            if (text.matches("(?s).*\\{\\d.*") && text.replace("''", "").contains("'")) {
                wrong.add(key + "=" + text);
            }
        });
        assertThat(wrong).isEmpty();
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(file -> file.toString().endsWith(".html")).sorted().toList();
        }
    }


}
