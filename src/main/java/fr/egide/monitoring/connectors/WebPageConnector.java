package fr.egide.monitoring.connectors;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.DeltaType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Selector;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A watched web page (a forum thread, a directory listing, an article), settings {@code url}, optional
 * {@code selector} (CSS, as jsoup reads it) and {@code scripts} ("oui" when the page is built by its scripts: it is
 * then rendered by the browser the application provides). The page's visible text is cut into passages (paragraphs,
 * list items, headings, table rows…); the passages that name the practitioner are the items.
 * <p>
 * The connector stays stateless: the cursor carries the previous check's passages (a JSON array of strings, at most
 * {@value #MAX_CURSOR_PASSAGES} passages and {@value #MAX_CURSOR_BYTES} bytes, the passages naming the practitioner
 * and their neighbours kept first), and each item says whether its passage is new, modified (with the text before)
 * or unchanged since then. The check's facts (SHA-256 of the page's whole visible text, HTTP status, size) prove
 * when the page was still online.
 */
public final class WebPageConnector implements Connector {

    public static final String KIND = "PAGE_WEB";

    static final int MAX_CURSOR_PASSAGES = 200;

    static final int MAX_CURSOR_BYTES = 100 * 1024;

    /** Beyond this, an item's raw payload is its passage rather than its block's HTML. */
    private static final int MAX_RAW_CHARS = 16_000;

    /** Below this word similarity, a passage in a changed block is new rather than a modification. */
    private static final double MODIFIED_SIMILARITY = 0.4;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");

    private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "body", "caption",
            "dd", "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
            "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
            "tbody", "tfoot", "thead", "tr", "ul");

    private static final Set<String> INVISIBLE = Set.of("head", "script", "style", "noscript", "template", "svg",
            "iframe", "object", "embed", "canvas", "select");

    private final ConnectorHttp http;

    private final Function<URI, String> renderer;

    /**
     * @param renderer renders a page that needs its scripts (headless Chromium) and returns its HTML, or null when the
     *        application has none; it may throw an unchecked exception whose cause is a {@link ConnectorException}
     */
    public WebPageConnector(ConnectorHttp http, Function<URI, String> renderer) {
        this.http = http;
        this.renderer = renderer;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public FetchResult fetch(FetchRequest request) throws ConnectorException, InterruptedException {
        var uri = pageUri(request.setting("url"));
        var service = "La page " + uri.getHost();
        var check = new LinkedHashMap<String, String>();
        var html = download(uri, service, "oui".equalsIgnoreCase(strip(request.setting("scripts"))), check);
        var document = Jsoup.parse(html, uri.toString());

        var warnings = new ArrayList<String>();
        var selector = strip(request.setting("selector"));
        var whole = passages(List.of(document.body()));
        check.put("sha256", sha256(String.join("\n", whole.stream().map(Passage::text).toList())));

        List<Passage> passages;
        if (selector == null) {
            passages = whole;
        }
        else {
            List<Element> roots;
            try {
                roots = outermost(document.select(selector));
            }
            catch (Selector.SelectorParseException ex) {
                throw new ConnectorException(ConnectorException.Kind.SETTINGS, "Le sélecteur « " + selector
                        + " » n'est pas un sélecteur CSS valide ; corrigez le réglage de la source.", null, ex);
            }
            if (roots.isEmpty()) {
                // The layout changed or the page is momentarily different: the previous passages stay the reference.
                warnings.add("Le sélecteur « " + selector + " » ne trouve rien sur la page " + uri
                        + " : vérifiez-le si la page a changé de présentation.");
                return new FetchResult(List.of(), request.cursor(), false, warnings, check);
            }
            passages = passages(roots);
        }

        var matcher = new NameMatcher(request.nameVariants());
        if (matcher.isEmpty()) {
            warnings.add("Aucune forme du nom du praticien n'est connue : aucun passage de la page ne peut être retenu.");
        }
        var texts = passages.stream().map(Passage::text).toList();
        var changes = changes(previousPassages(request.cursor(), warnings), texts);
        var kept = new boolean[texts.size()];
        var items = new ArrayList<FetchedItem>();
        var seen = new HashSet<String>();
        for (int i = 0; i < passages.size(); i++) {
            var passage = passages.get(i);
            kept[i] = matcher.matches(passage.text());
            if (!kept[i] || !seen.add(passage.text())) {
                continue;
            }
            var attributes = new LinkedHashMap<String, String>();
            attributes.put("selecteur", selector == null ? "body" : selector);
            attributes.put("changement", changes[i].kind());
            if (changes[i].before() != null) {
                attributes.put("avant", changes[i].before());
            }
            items.add(new FetchedItem(uri + "#" + sha256(passage.text()).substring(0, 16), uri.toString(), null, null,
                    passage.text(), null, null, null, null, null, attributes, raw(passage)));
        }
        return new FetchResult(items, cursor(texts, kept), !matcher.isEmpty(), warnings, check);
    }

    /** What became of one current passage since the previous check. */
    record Change(String kind, String before) {

        static final Change NEW = new Change("nouveau", null);

        static final Change SAME = new Change("inchangé", null);

    }

    /**
     * For each current passage: "inchangé" when the diff keeps it, "nouveau" when it was inserted, "modifié" with the
     * previous text when it replaced one (within a changed block, paired one to one with the most similar previous
     * passage; a lone replacement is always a modification). All new on a first check (no previous passages).
     */
    static Change[] changes(List<String> previous, List<String> current) {
        var changes = new Change[current.size()];
        if (previous == null) {
            Arrays.fill(changes, Change.NEW);
            return changes;
        }
        Arrays.fill(changes, Change.SAME);
        for (var delta : DiffUtils.diff(previous, current).getDeltas()) {
            var source = delta.getSource();
            var target = delta.getTarget();
            if (delta.getType() != DeltaType.INSERT && delta.getType() != DeltaType.CHANGE) {
                continue;
            }
            for (int t = 0; t < target.size(); t++) {
                changes[target.getPosition() + t] = Change.NEW;
            }
            if (delta.getType() == DeltaType.INSERT) {
                continue;
            }
            if (source.size() == 1 && target.size() == 1) {
                changes[target.getPosition()] = new Change("modifié", source.getLines().get(0));
                continue;
            }
            record Pair(int from, int to, double similarity) {
            }
            var pairs = new ArrayList<Pair>();
            for (int s = 0; s < source.size(); s++) {
                for (int t = 0; t < target.size(); t++) {
                    var similarity = similarity(source.getLines().get(s), target.getLines().get(t));
                    if (similarity >= MODIFIED_SIMILARITY) {
                        pairs.add(new Pair(s, t, similarity));
                    }
                }
            }
            pairs.sort(Comparator.comparingDouble(Pair::similarity).reversed());
            var usedSources = new boolean[source.size()];
            var usedTargets = new boolean[target.size()];
            for (var pair : pairs) {
                if (!usedSources[pair.from()] && !usedTargets[pair.to()]) {
                    usedSources[pair.from()] = true;
                    usedTargets[pair.to()] = true;
                    changes[target.getPosition() + pair.to()] = new Change("modifié", source.getLines().get(pair.from()));
                }
            }
        }
        return changes;
    }

    /** Dice coefficient of the two passages' folded word sets. */
    static double similarity(String a, String b) {
        var left = new HashSet<>(Arrays.asList(NameMatcher.fold(a).split(" ")));
        var right = new HashSet<>(Arrays.asList(NameMatcher.fold(b).split(" ")));
        left.remove("");
        right.remove("");
        if (left.isEmpty() || right.isEmpty()) {
            return 0;
        }
        var common = new HashSet<>(left);
        common.retainAll(right);
        return 2.0 * common.size() / (left.size() + right.size());
    }

    /** A passage of visible text, with the block element it comes from. */
    record Passage(String text, Element block) {
    }

    /** The visible text of the elements cut at block boundaries, whitespace collapsed, in page order. */
    static List<Passage> passages(List<Element> roots) {
        var passages = new ArrayList<Passage>();
        var buffer = new StringBuilder();
        for (var root : roots) {
            walk(root, root, buffer, passages);
            flush(buffer, root, passages);
        }
        return passages;
    }

    private static void walk(Node node, Element block, StringBuilder buffer, List<Passage> passages) {
        if (node instanceof TextNode text) {
            buffer.append(text.getWholeText());
            return;
        }
        if (!(node instanceof Element element) || invisible(element)) {
            return;
        }
        var tag = element.normalName();
        // Cells, line breaks and images separate words without ending the passage: a table row reads as one line.
        var separated = tag.equals("br") || tag.equals("td") || tag.equals("th") || tag.equals("img");
        if (separated) {
            buffer.append(' ');
        }
        if (BLOCKS.contains(tag)) {
            flush(buffer, block, passages);
            for (var child : element.childNodes()) {
                walk(child, element, buffer, passages);
            }
            flush(buffer, element, passages);
        }
        else {
            for (var child : element.childNodes()) {
                walk(child, block, buffer, passages);
            }
            if (separated) {
                buffer.append(' ');
            }
        }
    }

    private static boolean invisible(Element element) {
        if (INVISIBLE.contains(element.normalName()) || element.hasAttr("hidden")
                || "true".equals(element.attr("aria-hidden"))) {
            return true;
        }
        var style = element.attr("style").toLowerCase(Locale.ROOT).replace(" ", "");
        return style.contains("display:none") || style.contains("visibility:hidden");
    }

    private static void flush(StringBuilder buffer, Element block, List<Passage> passages) {
        var text = normalise(buffer.toString());
        buffer.setLength(0);
        if (!text.isEmpty()) {
            passages.add(new Passage(text, block));
        }
    }

    /** Whitespace collapsed (non-breaking spaces included, zero-width spaces removed). */
    static String normalise(String text) {
        return SPACES.matcher(text.replace("\u200B", "")).replaceAll(" ").strip();
    }

    /** The selected elements that are not inside another selected one, so that no passage is counted twice. */
    private static List<Element> outermost(List<Element> selected) {
        var set = new HashSet<>(selected);
        var roots = new ArrayList<Element>();
        for (var element : selected) {
            var inside = false;
            for (var parent = element.parent(); parent != null && !inside; parent = parent.parent()) {
                inside = set.contains(parent);
            }
            if (!inside) {
                roots.add(element);
            }
        }
        return roots;
    }

    private String download(URI uri, String service, boolean scripts, Map<String, String> check)
            throws ConnectorException, InterruptedException {
        String html;
        if (scripts) {
            html = render(uri, service);
            check.put("rendu", "navigateur");
        }
        else {
            try {
                html = http.send(service, http.request(uri)
                    .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1")
                    .GET()
                    .build());
            }
            catch (ConnectorException ex) {
                if (ex.kind() == ConnectorException.Kind.NOT_FOUND) {
                    throw new ConnectorException(ConnectorException.Kind.NOT_FOUND, "La page " + uri
                            + " est introuvable (404) : elle a peut-être été supprimée ; vérifiez son adresse.", null, ex);
                }
                throw ex;
            }
            // ConnectorHttp returns the body of any 2xx answer without its exact code.
            check.put("statut", "2xx");
        }
        check.put("octets", Integer.toString(html.getBytes(StandardCharsets.UTF_8).length));
        return html;
    }

    private String render(URI uri, String service) throws ConnectorException {
        if (renderer == null) {
            throw new ConnectorException(ConnectorException.Kind.SETTINGS, service
                    + " demande l'exécution de ses scripts (réglage « scripts »), mais le navigateur d'Égide n'est pas"
                    + " disponible : désactivez ce réglage ou activez le navigateur.");
        }
        String html;
        try {
            html = renderer.apply(uri);
        }
        catch (RuntimeException ex) {
            if (ex.getCause() instanceof ConnectorException cause) {
                throw cause;
            }
            throw new ConnectorException(ConnectorException.Kind.UNAVAILABLE,
                    service + " n'a pas pu être affichée par le navigateur : nouvel essai plus tard.", null, ex);
        }
        if (html == null) {
            throw new ConnectorException(ConnectorException.Kind.UNAVAILABLE,
                    service + " n'a pas pu être affichée par le navigateur : nouvel essai plus tard.");
        }
        return html;
    }

    /** The previous passages, or null on a first check (or when the cursor cannot be read). */
    private static List<String> previousPassages(String cursor, List<String> warnings) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            var node = JSON.readTree(cursor);
            if (node.isArray()) {
                var passages = new ArrayList<String>();
                for (var element : node) {
                    passages.add(element.asString());
                }
                return passages;
            }
        }
        catch (JacksonException ex) {
            // reported below, like any other unreadable cursor
        }
        warnings.add("L'état précédent de la page est illisible : ses passages sont tous considérés comme nouveaux.");
        return null;
    }

    /**
     * The passages to compare with at the next check, in page order, within the caps: the passages naming the
     * practitioner first, then their neighbours (they anchor the diff), then the others.
     */
    static String cursor(List<String> passages, boolean[] kept) {
        var priority = new int[passages.size()];
        var order = new ArrayList<Integer>();
        for (int i = 0; i < passages.size(); i++) {
            var neighbour = (i > 0 && kept[i - 1]) || (i + 1 < passages.size() && kept[i + 1]);
            priority[i] = kept[i] ? 0 : neighbour ? 1 : 2;
            order.add(i);
        }
        order.sort(Comparator.comparingInt((Integer i) -> priority[i]).thenComparingInt(i -> i));
        var chosen = new boolean[passages.size()];
        var count = 0;
        long bytes = 2;
        for (var i : order) {
            if (count == MAX_CURSOR_PASSAGES) {
                break;
            }
            var size = JSON.writeValueAsString(passages.get(i)).getBytes(StandardCharsets.UTF_8).length + 1;
            if (bytes + size <= MAX_CURSOR_BYTES) {
                chosen[i] = true;
                count++;
                bytes += size;
            }
        }
        var stored = new ArrayList<String>();
        for (int i = 0; i < passages.size(); i++) {
            if (chosen[i]) {
                stored.add(passages.get(i));
            }
        }
        return JSON.writeValueAsString(stored);
    }

    private static String raw(Passage passage) {
        var html = passage.block().outerHtml();
        return html.length() <= MAX_RAW_CHARS ? html : passage.text();
    }

    private static URI pageUri(String url) throws ConnectorException {
        return ConnectorHttp.webAddress(url, "La page surveillée n'a pas d'adresse : renseignez le réglage « url ».", "L'adresse");
    }

    static String sha256(String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", ex);
        }
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

}
