package fr.egide.compliance.engine;

import fr.egide.analysis.AnalysisRequest;
import fr.egide.analysis.IndicatorType;
import fr.egide.analysis.ReviewAnalyzer;
import fr.egide.analysis.Span;
import fr.egide.compliance.Finding;
import fr.egide.compliance.LintResult;
import fr.egide.compliance.Rule;
import fr.egide.compliance.Severity;
import fr.egide.compliance.SpellChecker;
import fr.egide.compliance.Verdict;
import fr.egide.text.Token;
import fr.egide.text.Tokenizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lints one reply: lexicon patterns (care relationship, relatives, dates, solicitation, promotion,
 * comparisons, accusations, proof, legal threats, irony, justification), the project's medicine and health
 * lists, what the text looks like (amounts, dates, names, links, capitals, "!!!", emoji), the analyser run on
 * the reply (insults, threats, hatred, health data) and on the review (health data the reply must not echo),
 * then form (length, greeting, closing, private channel, spelling). Plain Java; thread-safe.
 */
public final class LintEngine {

    /** Words over which a reply is too long for a public answer. */
    public static final int MAX_WORDS = 120;

    /** Words over which a reply is a little long. */
    public static final int LONGISH_WORDS = 90;

    private static final String MONTHS = "janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre";

    private static final Pattern AMOUNT = Pattern.compile("(?<![\\p{L}\\d])\\d+(?:[.,]\\d+)?\\s?(?:€|euros?\\b|EUR\\b)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern DATE = Pattern.compile("(?<!\\d)(?:\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?|\\d{1,2}(?:er)?\\s+(?:"
            + MONTHS + "))(?!\\p{L})", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern DURATION = Pattern.compile("(?<![\\p{L}\\d])\\d+\\s?(?:minutes?|min|mn|heures?|h)(?![\\p{L}\\d])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** "sous 48 heures", "dans les 24 h": a promise to call back, not the length of a visit. */
    private static final Pattern CALLBACK = Pattern.compile("(?:sous|dans|d'ici|d’ici|les|en moins de|de|à|a)\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern NAME = Pattern.compile("\\b(?:Madame|Monsieur|Mademoiselle|Mme|Mlle|M\\.)[ \\t]+([A-ZÀ-Ý][\\p{L}'’-]+)");

    private static final Set<String> NOT_NAMES = Set.of("Madame", "Monsieur", "Mademoiselle", "Je", "Nous", "Vous", "Le",
            "La", "Les", "Merci", "Bonjour", "Avec", "Afin", "Suite", "Toute", "Tout", "Votre", "Vos", "Il", "Elle", "En",
            "Au", "Si", "Cher", "Chère", "Docteur", "Dr", "Et", "Ou", "Nos", "Notre", "Mon", "Ma", "Mes", "Sachez", "Sincèrement",
            "Bien", "Pour", "Par", "Dans", "Ce", "Cet", "Cette", "Un", "Une", "Des", "Lors", "Comme");

    /** A first name after words of care: "la prise en charge de Lucas". */
    private static final Pattern NAMED_PERSON = Pattern.compile("(?:prise en charge|suivi|soins|dossier|rendez-vous|consultation|"
            + "traitement|état|santé|fils|fille|enfant|bébé|mari|femme|maman|papa)\\s+(?:de|d'|d’|du)\\s*([A-ZÀ-Ý][a-zà-ÿ]+)");

    private static final Pattern PERCENT = Pattern.compile("(?<![\\d,.])\\d+(?:[.,]\\d+)?\\s?%");

    private static final Pattern PRICE_CUT = Pattern.compile("(?i)au lieu de\\s+\\d|-\\s?\\d+\\s?%");

    /** A social-network handle ("@cabinet.tilleuls"); e-mail addresses are excluded by the caller. */
    private static final Pattern HANDLE = Pattern.compile("(?<![\\w.])@[A-Za-z0-9_][\\w.]{2,}");

    /** Emoji that mock rather than soften: eye roll, tears of laughter, clown… */
    private static final Set<Integer> MOCKING_EMOJI = Set.of(0x1F644, 0x1F602, 0x1F923, 0x1F612, 0x1F60F, 0x1F921, 0x1F595,
            0x1F4A9, 0x1F928, 0x1F92A, 0x1F61C, 0x1F61D, 0x1F606, 0x1F605, 0x1F643, 0x1F4A4, 0x1F971);

    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]{1,64}@[\\w-]{1,63}(?:\\.[\\w-]{1,63}){1,4}");

    private static final Pattern PHONE = Pattern.compile("(?<!\\d)0[1-9](?:[ .-]?\\d{2}){4}(?!\\d)");

    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S{1,200}|\\b[\\w-]{1,63}\\.(?:fr|com|net|org|eu|info|be|ch|io)(?:/\\S{0,200})?\\b");

    private static final Pattern QUOTED_NICKNAME = Pattern.compile("[\"«“]\\s*([A-ZÀ-Ý][^\"»”]{0,40}?)\\s*[\"»”]");

    private static final Pattern EXCLAMATIONS = Pattern.compile("[!?]*![!?]*");

    private static final Pattern EMOTICON = Pattern.compile("(?<!\\w)[:;=]-?[)(DPp](?!\\w)");

    private static final Set<String> ACRONYMS = Set.of("IRM", "RDV", "SMS", "CPAM", "PMR", "ECG", "CMU", "AME", "SAMU",
            "URSSAF", "TVA", "SOS", "OK", "DR", "ARS", "HAS", "CNOM", "ONCD", "RGPD", "CNIL", "PDF", "CSS", "CHU",
            "CH", "SAS", "SCM", "SELARL", "SCP", "SARL");

    private static final List<String> GREETINGS = List.of("bonjour", "bonsoir", "madame", "monsieur", "cher ", "chere ",
            "mesdames", "messieurs", "docteur");

    private static final List<String> CLOSINGS = List.of("cordialement", "bien a vous", "salutations", "bonne journee",
            "bonne soiree", "respectueusement", "sentiments", "sincerement", "belle journee", "bien amicalement",
            "bonne fin de journee", "au plaisir", "a bientot", "bien a toi");

    private static final Set<String> CHANNEL_WORDS = Set.of("contacter", "contactez", "contacte", "joindre", "appeler",
            "appelez", "telephone", "telephonique", "tel", "mail", "email", "courriel", "ecrire", "ecrivez", "secretariat",
            "rappeler", "prive", "privee", "directement", "echange", "echanger", "coordonnees", "adresse", "rencontrer",
            "entretien", "messagerie", "courrier");

    /** Words of a review's health-data span that carry no health meaning of their own. */
    private static final Set<String> ECHO_STOP = Set.of("mon", "ma", "mes", "notre", "nos", "je", "j", "suis", "etais",
            "ai", "avais", "fait", "fais", "pour", "avec", "depuis", "tres", "une", "un", "des", "les", "la", "le", "de",
            "du", "sous", "souffre", "souffrait", "atteint", "atteinte", "prends", "prenais", "enceinte", "fils", "fille",
            "enfant", "mari", "femme", "mere", "pere", "bebe", "elle", "il", "est", "etait", "avait", "ete", "diagnostique",
            "diagnostiquee", "maman", "papa", "qui", "que", "dans", "sur", "par", "tout", "toute", "tous", "plus", "moins");

    private final LinterData data;

    private final ReviewAnalyzer analyzer;

    public LintEngine(LinterData data, ReviewAnalyzer analyzer) {
        this.data = data;
        this.analyzer = analyzer;
    }

    public String version() {
        return data.version() + "/" + analyzer.version();
    }

    /** A finding before grouping: one place in the reply (start −1 when it is about something missing). */
    private record Raw(Rule rule, Severity severity, String motif, int start, int end, String detail) {
    }

    public LintResult lint(String reply, String review, SpellChecker spelling) {
        var raws = new ArrayList<Raw>();
        var tokens = data.tokenizer.tokenize(reply);
        patterns(tokens, raws);
        shapes(reply, raws);
        analysed(reply, review, tokens, raws);
        var words = words(reply);
        form(reply, tokens, words, raws);
        if (spelling != null) {
            for (var issue : spelling.check(reply)) {
                var detail = issue.message() + (issue.suggestions().isEmpty() ? ""
                        : " Suggestion : " + String.join(", ", issue.suggestions().subList(0, Math.min(3, issue.suggestions().size()))) + ".");
                raws.add(new Raw(Rule.FORME, Severity.A_REVOIR, "orthographe", issue.start(), issue.end(), detail));
            }
        }
        var findings = group(reply, raws);
        return new LintResult(Verdict.valueOf(verdict(findings)), findings, words, version());
    }

    private static String verdict(List<Finding> findings) {
        var verdict = "PUBLIABLE";
        for (var finding : findings) {
            if (finding.severity() == Severity.BLOQUANT) {
                return "BLOQUANT";
            }
            if (finding.severity() == Severity.A_REVOIR) {
                verdict = "A_REVOIR";
            }
        }
        return verdict;
    }

    private void patterns(List<Token> tokens, List<Raw> raws) {
        var matches = data.rules.scan(tokens);
        var excepted = new boolean[tokens.size()];
        for (var match : matches) {
            if (match.entry().category().equals("EXCEPTION")) {
                for (int i = match.from(); i < match.to(); i++) {
                    excepted[i] = true;
                }
            }
        }
        for (var match : matches) {
            var entry = match.entry();
            if (entry.category().equals("EXCEPTION")) {
                continue;
            }
            // An exception covers a match only when it covers all of it: "votre téléconsultation" stays a finding.
            var covered = true;
            for (int i = match.from(); i < match.to(); i++) {
                covered &= excepted[i];
            }
            if (covered) {
                continue;
            }
            var severity = entry.weight() >= 1 ? Severity.BLOQUANT : entry.weight() >= 0.5 ? Severity.A_REVOIR : Severity.INFO;
            raws.add(new Raw(Rule.valueOf(entry.category()), severity, entry.flags().iterator().next(),
                    tokens.get(match.from()).start(), tokens.get(match.to() - 1).end(), null));
        }
    }

    private static void shapes(String reply, List<Raw> raws) {
        var emails = new ArrayList<int[]>();
        each(EMAIL, reply, m -> emails.add(new int[] { m.start(), m.end() }));
        each(AMOUNT, reply, m -> raws.add(new Raw(Rule.SECRET_MEDICAL, Severity.BLOQUANT, "montant", m.start(), m.end(), null)));
        each(DATE, reply, m -> raws.add(new Raw(Rule.SECRET_MEDICAL, Severity.BLOQUANT, "date", m.start(), m.end(), null)));
        each(DURATION, reply, m -> {
            var before = reply.substring(Math.max(0, m.start() - 16), m.start());
            if (!CALLBACK.matcher(before).find()) {
                raws.add(new Raw(Rule.SECRET_MEDICAL, Severity.BLOQUANT, "date", m.start(), m.end(), null));
            }
        });
        var signature = signatureStart(reply);
        each(NAME, reply, m -> {
            if (!NOT_NAMES.contains(m.group(1)) && m.start() < signature) {
                raws.add(new Raw(Rule.SECRET_MEDICAL, Severity.BLOQUANT, "nom", m.start(), m.end(), null));
            }
        });
        each(NAMED_PERSON, reply, m -> {
            if (!NOT_NAMES.contains(m.group(1))) {
                raws.add(new Raw(Rule.SECRET_MEDICAL, Severity.BLOQUANT, "nom", m.start(1), m.end(1), null));
            }
        });
        each(PERCENT, reply, m -> raws.add(new Raw(Rule.PUBLICITE, Severity.BLOQUANT, "promotion", m.start(), m.end(), null)));
        each(PRICE_CUT, reply, m -> raws.add(new Raw(Rule.PUBLICITE, Severity.BLOQUANT, "promotion", m.start(), m.end(), null)));
        each(HANDLE, reply, m -> {
            var inEmail = emails.stream().anyMatch(e -> m.start() < e[1] && m.end() > e[0]);
            if (!inEmail) {
                raws.add(new Raw(Rule.PUBLICITE, Severity.BLOQUANT, "lien", m.start(), m.end(), null));
            }
        });
        each(URL, reply, m -> {
            var inEmail = emails.stream().anyMatch(e -> m.start() < e[1] && m.end() > e[0]);
            if (!inEmail) {
                raws.add(new Raw(Rule.PUBLICITE, Severity.BLOQUANT, "lien", m.start(), m.end(), null));
            }
        });
        each(QUOTED_NICKNAME, reply, m -> raws.add(new Raw(Rule.TON, Severity.A_REVOIR, "ironie", m.start(), m.end(), null)));
        each(EXCLAMATIONS, reply, m -> {
            var bangs = m.group().chars().filter(c -> c == '!').count();
            raws.add(new Raw(Rule.TON, bangs >= 3 ? Severity.BLOQUANT : Severity.A_REVOIR, "cris", m.start(), m.end(), null));
        });
        each(EMOTICON, reply, m -> raws.add(new Raw(Rule.TON, Severity.A_REVOIR, "moquerie", m.start(), m.end(), null)));
        for (int i = 0; i < reply.length();) {
            var codePoint = reply.codePointAt(i);
            var width = Character.charCount(codePoint);
            if (isEmoji(codePoint)) {
                var severity = MOCKING_EMOJI.contains(codePoint) ? Severity.BLOQUANT : Severity.A_REVOIR;
                raws.add(new Raw(Rule.TON, severity, "moquerie", i, i + width, null));
            }
            i += width;
        }
        capitals(reply, raws);
    }

    /** Where the signature starts: after the last closing formula ("Bien à vous, Dr Martin"), or the end. */
    private static int signatureStart(String reply) {
        var folded = foldInPlace(reply);
        int position = -1;
        for (var closing : List.of("cordialement", "bien a vous", "salutations", "bonne journee", "respectueusement",
                "sentiments", "sincerement", "belle journee", "bien amicalement")) {
            var at = folded.lastIndexOf(closing);
            if (at >= 0) {
                position = Math.max(position, at + closing.length());
            }
        }
        return position < 0 ? reply.length() : position;
    }

    /** Lower case without accents, one char for one char, so that offsets stay those of the text. */
    private static String foldInPlace(String text) {
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            var folded = Tokenizer.fold(String.valueOf(text.charAt(i)));
            out.append(folded.isEmpty() ? ' ' : folded.charAt(0));
        }
        return out.toString();
    }

    private static boolean isEmoji(int codePoint) {
        return (codePoint >= 0x1F300 && codePoint <= 0x1FAFF) || (codePoint >= 0x2600 && codePoint <= 0x27BF)
                || (codePoint >= 0x1F000 && codePoint <= 0x1F2FF);
    }

    /** Runs of words in capitals: shouting. Acronyms (IRM, CPAM…) and one-letter words do not count. */
    private static void capitals(String reply, List<Raw> raws) {
        var word = Pattern.compile("[\\p{L}]+").matcher(reply);
        int runStart = -1;
        int runEnd = -1;
        int runWords = 0;
        int runLetters = 0;
        while (word.find()) {
            var w = word.group();
            var shouted = w.length() >= 2 && w.equals(w.toUpperCase(Locale.ROOT)) && !w.equals(w.toLowerCase(Locale.ROOT))
                    && !ACRONYMS.contains(w);
            if (shouted) {
                if (runWords == 0) {
                    runStart = word.start();
                }
                runEnd = word.end();
                runWords++;
                runLetters += w.length();
            }
            else {
                flushCapitals(raws, runStart, runEnd, runWords, runLetters);
                runWords = 0;
                runLetters = 0;
            }
        }
        flushCapitals(raws, runStart, runEnd, runWords, runLetters);
    }

    private static void flushCapitals(List<Raw> raws, int start, int end, int words, int letters) {
        if (words >= 3) {
            raws.add(new Raw(Rule.TON, Severity.BLOQUANT, "cris", start, end, null));
        }
        else if (words >= 1 && letters >= 5) {
            raws.add(new Raw(Rule.TON, Severity.A_REVOIR, "cris", start, end, null));
        }
    }

    private void analysed(String reply, String review, List<Token> tokens, List<Raw> raws) {
        var own = analyzer.analyze(AnalysisRequest.of(reply));
        for (var indicator : own.indicators()) {
            var type = indicator.type();
            if (type == IndicatorType.INJURE || type == IndicatorType.HAINE || type == IndicatorType.MENACE) {
                indicator.spans().forEach(span -> raws.add(new Raw(Rule.TON, Severity.BLOQUANT, "insulte", span.start(), span.end(), null)));
            }
            else if (type == IndicatorType.DONNEES_SANTE) {
                indicator.spans().forEach(span -> raws.add(new Raw(Rule.SECRET_MEDICAL, Severity.BLOQUANT, "sante", span.start(), span.end(), null)));
            }
        }
        if (review == null || review.isBlank()) {
            return;
        }
        var echo = new HashSet<String>();
        for (var indicator : analyzer.analyze(AnalysisRequest.of(review)).indicators()) {
            if (indicator.type() != IndicatorType.DONNEES_SANTE) {
                continue;
            }
            for (var span : indicator.spans()) {
                // Only the span's health words: a span may also hold "mon rendez-vous pour", which every reply says.
                for (var token : data.tokenizer.tokenize(span.text())) {
                    if (data.healthWords.contains(token.norm()) && !ECHO_STOP.contains(token.norm())) {
                        echo.add(token.norm());
                    }
                }
            }
        }
        for (var token : tokens) {
            if (echo.contains(token.norm())) {
                raws.add(new Raw(Rule.SECRET_MEDICAL, Severity.BLOQUANT, "echo", token.start(), token.end(), null));
            }
        }
    }

    static int words(String text) {
        int count = 0;
        for (var part : text.strip().split("\\s+")) {
            if (part.codePoints().anyMatch(Character::isLetterOrDigit)) {
                count++;
            }
        }
        return count;
    }

    private static void form(String reply, List<Token> tokens, int words, List<Raw> raws) {
        if (words > MAX_WORDS) {
            raws.add(new Raw(Rule.FORME, Severity.A_REVOIR, "longueur", -1, -1, words + " mots."));
        }
        else if (words > LONGISH_WORDS) {
            raws.add(new Raw(Rule.FORME, Severity.INFO, "longueur-info", -1, -1, words + " mots."));
        }
        var folded = Tokenizer.fold(reply).replaceAll("[^a-z0-9@]+", " ");
        var opening = folded.substring(0, Math.min(folded.length(), 60));
        if (GREETINGS.stream().noneMatch(opening::contains)) {
            raws.add(new Raw(Rule.FORME, Severity.A_REVOIR, "salutation", -1, -1, null));
        }
        var ending = folded.substring(Math.max(0, folded.length() - 160));
        if (CLOSINGS.stream().noneMatch(ending::contains)) {
            raws.add(new Raw(Rule.FORME, Severity.A_REVOIR, "formule", -1, -1, null));
        }
        var channel = EMAIL.matcher(reply).find() || PHONE.matcher(reply).find()
                || tokens.stream().anyMatch(token -> CHANNEL_WORDS.contains(token.norm()));
        if (!channel) {
            raws.add(new Raw(Rule.FORME, Severity.A_REVOIR, "echange-prive", -1, -1, null));
        }
    }

    private List<Finding> group(String reply, List<Raw> raws) {
        record Key(Rule rule, Severity severity, String motif, String detail) {
        }
        var groups = new LinkedHashMap<Key, List<Raw>>();
        raws.sort(Comparator.comparingInt((Raw raw) -> raw.start() < 0 ? Integer.MAX_VALUE : raw.start()));
        for (var raw : raws) {
            var detail = raw.motif().equals("orthographe") ? raw.detail() : null;
            groups.computeIfAbsent(new Key(raw.rule(), raw.severity(), raw.motif(), detail), key -> new ArrayList<>()).add(raw);
        }
        var findings = new ArrayList<Finding>();
        groups.forEach((key, list) -> {
            var motif = data.motif(key.motif());
            var spans = new ArrayList<Span>();
            for (var raw : list) {
                if (raw.start() >= 0 && spans.stream().noneMatch(s -> s.start() == raw.start() && s.end() == raw.end())) {
                    spans.add(new Span(raw.start(), raw.end(), reply.substring(raw.start(), raw.end())));
                }
            }
            var detail = list.get(0).detail();
            var message = detail == null ? motif.message() : motif.message() + " " + detail;
            findings.add(new Finding(key.rule(), key.severity(), key.motif(), spans, message, motif.basis()));
        });
        return findings;
    }

    private static void each(Pattern pattern, String text, java.util.function.Consumer<Matcher> action) {
        var matcher = pattern.matcher(text);
        while (matcher.find()) {
            action.accept(matcher);
        }
    }

}
