package fr.egide.monitoring.connectors;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.DeltaType;
import fr.egide.monitoring.PageRenderer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
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
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Selector;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A watched web page (a forum thread, a directory listing, an article), settings {@code url}, optional
 * {@code selector} (CSS, as jsoup reads it) and {@code scripts}. The page's visible text is cut into passages
 * (paragraphs, list items, headings, table rows…); the passages that name the practitioner are the items.
 * <p>
 * Pages whose text is written by their scripts are rendered by the browser the application provides (a
 * {@link PageRenderer}: headless Chromium, from the evidence module). {@code scripts=oui} renders at every check;
 * {@code scripts=non} never; without the setting, the page is read over plain HTTP and rendered only when no passage
 * names the practitioner (or the selector finds nothing) and the page has scripts: if the rendered text differs
 * from the plain one, the page is remembered as built by its scripts and rendered from then on; if it is the same,
 * it is remembered as plain and never rendered again (tick the setting to force it). Without a browser, such a page
 * is read as it is, with a warning saying how to install Chromium.
 * <p>
 * The connector stays stateless: the cursor carries the previous check's passages (a JSON array of strings, at most
 * {@value #MAX_CURSOR_PASSAGES} passages and {@value #MAX_CURSOR_BYTES} bytes, the passages naming the practitioner
 * and their neighbours kept first; an object {@code {"rendu": "navigateur"|"http", "passages": […]}} once the
 * rendering was decided on its own), and each item says whether its passage is new, modified (with the text
 * before) or unchanged since then. The check's facts (SHA-256 of the page's whole visible text, HTTP status, size,
 * how it was read) prove when the page was still online.
 */
public final class WebPageConnector implements Connector {

    public static final String KIND = "PAGE_WEB";

    static final int MAX_CURSOR_PASSAGES = 200;

    static final int MAX_CURSOR_BYTES = 100 * 1024;

    /** The longest a page may take to load in the browser by default. */
    public static final Duration RENDER_TIMEOUT = Duration.ofSeconds(30);

    static final String BROWSER = "navigateur";

    static final String PLAIN = "http";

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

    /** Script types that run (JSON-LD and templates are data). */
    private static final Set<String> CODE = Set.of("", "text/javascript", "application/javascript", "module",
            "text/ecmascript", "application/ecmascript");

    private static final String INSTALL = "installez Chromium sur le serveur d'Égide (sudo apt-get install chromium)";

    private final ConnectorHttp http;

    private final PageRenderer renderer;

    private final Duration renderTimeout;

    /** How the page is read: the {@code scripts} setting. */
    enum Scripts {
        ALWAYS, NEVER, AUTO
    }

    /**
     * @param renderer renders a page that needs its scripts (headless Chromium) and returns its HTML, or null when the
     *        application has none
     */
    public WebPageConnector(ConnectorHttp http, PageRenderer renderer) {
        this(http, renderer, RENDER_TIMEOUT);
    }

    public WebPageConnector(ConnectorHttp http, PageRenderer renderer, Duration renderTimeout) {
        this.http = http;
        this.renderer = renderer;
        this.renderTimeout = renderTimeout;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public FetchResult fetch(FetchRequest request) throws ConnectorException, InterruptedException {
        var uri = pageUri(request.setting("url"));
        var service = "La page " + uri.getHost();
        var scripts = scripts(request.setting("scripts"));
        var check = new LinkedHashMap<String, String>();
        var warnings = new ArrayList<String>();
        var selector = strip(request.setting("selector"));
        var matcher = new NameMatcher(request.nameVariants());
        var previous = Previous.read(request.cursor(), warnings);
        // A decision made on its own is kept only while the setting leaves it to Égide.
        var decided = scripts == Scripts.AUTO ? previous.rendering() : null;

        Page page;
        if (scripts == Scripts.ALWAYS || BROWSER.equals(decided)) {
            page = read(render(uri, service), uri, selector);
            check.put("rendu", BROWSER);
        }
        else {
            page = read(download(uri, service, check), uri, selector);
            check.put("rendu", PLAIN);
            if (scripts == Scripts.AUTO && decided == null && !matcher.isEmpty() && !page.names(matcher)
                    && hasScripts(page.document())) {
                if (renderer == null) {
                    warnings.add(service + " contient des scripts et aucun passage ne nomme le praticien : si son texte est"
                            + " écrit par ses scripts, Égide ne peut pas le lire sans navigateur ; " + INSTALL + ".");
                }
                else {
                    try {
                        var rendered = read(renderHtml(uri), uri, selector);
                        if (rendered.texts(true).equals(page.texts(true))) {
                            decided = PLAIN;
                        }
                        else {
                            decided = BROWSER;
                            page = rendered;
                            check.put("rendu", BROWSER);
                        }
                    }
                    catch (PageRenderer.Failure ex) {
                        warnings.add(service + " contient des scripts et aucun passage ne nomme le praticien, mais elle n'a"
                                + " pas pu être affichée par le navigateur : " + ex.getMessage());
                    }
                }
            }
        }
        if (decided != null) {
            check.put("scripts", "automatique");
        }
        check.put("octets", Integer.toString(page.bytes()));
        check.put("sha256", sha256(String.join("\n", page.texts(true))));

        if (page.passages() == null) {
            // The layout changed or the page is momentarily different: the previous passages stay the reference.
            warnings.add("Le sélecteur « " + selector + " » ne trouve rien sur la page " + uri
                    + " : vérifiez-le si la page a changé de présentation.");
            var unchanged = java.util.Objects.equals(decided, previous.rendering());
            return new FetchResult(List.of(), unchanged ? request.cursor() : Previous.write(decided, previous.rawPassages()),
                    false, warnings, check);
        }
        var passages = page.passages();
        if (matcher.isEmpty()) {
            warnings.add("Aucune forme du nom du praticien n'est connue : aucun passage de la page ne peut être retenu.");
        }
        var texts = passages.stream().map(Passage::text).toList();
        var changes = changes(previous.passages(), texts);
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
        return new FetchResult(items, Previous.write(decided, cursor(texts, kept)), !matcher.isEmpty(), warnings, check);
    }

    /** A page read: its document, its whole visible text, the selected passages (null when the selector finds nothing). */
    record Page(Document document, List<Passage> whole, List<Passage> passages, int bytes) {

        List<String> texts(boolean all) {
            return (all ? whole : passages == null ? List.<Passage>of() : passages).stream().map(Passage::text).toList();
        }

        boolean names(NameMatcher matcher) {
            return passages != null && passages.stream().anyMatch(passage -> matcher.matches(passage.text()));
        }

    }

    private static Page read(String html, URI uri, String selector) throws ConnectorException {
        var document = Jsoup.parse(html, uri.toString());
        var whole = passages(List.of(document.body()));
        var bytes = html.getBytes(StandardCharsets.UTF_8).length;
        if (selector == null) {
            return new Page(document, whole, whole, bytes);
        }
        List<Element> roots;
        try {
            roots = outermost(document.select(selector));
        }
        catch (Selector.SelectorParseException ex) {
            throw new ConnectorException(ConnectorException.Kind.SETTINGS, "Le sélecteur « " + selector
                    + " » n'est pas un sélecteur CSS valide ; corrigez le réglage de la source.", null, ex);
        }
        return new Page(document, whole, roots.isEmpty() ? null : passages(roots), bytes);
    }

    /** "oui"/"true"/"on" (the form's checkbox) renders always, "non"/"false"/"off" never, nothing leaves it to Égide. */
    static Scripts scripts(String setting) throws ConnectorException {
        var value = strip(setting);
        if (value == null) {
            return Scripts.AUTO;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "oui", "true", "on", "1" -> Scripts.ALWAYS;
            case "non", "false", "off", "0" -> Scripts.NEVER;
            case "auto", "automatique" -> Scripts.AUTO;
            default -> throw new ConnectorException(ConnectorException.Kind.SETTINGS, "Le réglage « scripts » vaut « " + value
                    + " » : indiquez « oui » (la page a besoin de JavaScript), « non », ou rien pour laisser Égide en juger.");
        };
    }

    /** Scripts that run (a JSON-LD block is data): the page may write its text itself. */
    static boolean hasScripts(Document document) {
        return document.select("script").stream()
            .anyMatch(script -> CODE.contains(script.attr("type").strip().toLowerCase(Locale.ROOT))
                    && (script.hasAttr("src") || !script.data().isBlank()));
    }

    /** The previous check's passages (null on a first check) and the rendering decided on its own (or null). */
    record Previous(List<String> passages, String rendering) {

        static Previous read(String cursor, List<String> warnings) {
            if (cursor == null || cursor.isBlank()) {
                return new Previous(null, null);
            }
            try {
                var node = JSON.readTree(cursor);
                String rendering = null;
                if (node.isObject()) {
                    var value = node.path("rendu").asString("");
                    rendering = BROWSER.equals(value) || PLAIN.equals(value) ? value : null;
                    node = node.path("passages");
                }
                if (node.isArray()) {
                    var passages = new ArrayList<String>();
                    for (var element : node) {
                        passages.add(element.asString());
                    }
                    return new Previous(passages, rendering);
                }
            }
            catch (JacksonException ex) {
                // reported below, like any other unreadable cursor
            }
            warnings.add("L'état précédent de la page est illisible : ses passages sont tous considérés comme nouveaux.");
            return new Previous(null, null);
        }

        /** The previous passages as stored, for a check that keeps them (null when there were none). */
        String rawPassages() {
            return passages == null ? null : JSON.writeValueAsString(passages);
        }

        /** The cursor: the passages (a JSON array), wrapped with the rendering when one was decided. */
        static String write(String rendering, String passages) {
            if (rendering == null) {
                return passages;
            }
            var node = JSON.createObjectNode();
            node.put("rendu", rendering);
            if (passages != null) {
                node.set("passages", JSON.readTree(passages));
            }
            return JSON.writeValueAsString(node);
        }

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

    private String download(URI uri, String service, Map<String, String> check)
            throws ConnectorException, InterruptedException {
        String html;
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
        return html;
    }

    /** The page rendered by the browser, which it must be: every failure is the source's. */
    private String render(URI uri, String service) throws ConnectorException, InterruptedException {
        if (renderer == null) {
            throw new ConnectorException(ConnectorException.Kind.SETTINGS, service
                    + " a besoin de ses scripts (JavaScript), mais Égide n'a pas de navigateur pour les exécuter : "
                    + INSTALL + ", ou décochez « La page a besoin de JavaScript ».");
        }
        try {
            return renderHtml(uri);
        }
        catch (PageRenderer.Failure ex) {
            throw switch (ex.reason()) {
                case NO_BROWSER, REFUSED -> new ConnectorException(ConnectorException.Kind.SETTINGS,
                        service + " a besoin de ses scripts (JavaScript), mais : " + ex.getMessage(), null, ex);
                case FAILED -> new ConnectorException(ConnectorException.Kind.UNAVAILABLE,
                        service + " n'a pas pu être affichée par le navigateur (" + ex.getMessage() + ") : nouvel essai plus tard.",
                        null, ex);
            };
        }
    }

    /** The browser's rendering, paced like any other request to the host. */
    private String renderHtml(URI uri) throws PageRenderer.Failure, InterruptedException {
        String html;
        try (var pass = http.gate().enter(uri)) {
            html = renderer.render(uri, renderTimeout);
        }
        catch (RuntimeException ex) {
            throw new PageRenderer.Failure(PageRenderer.Failure.Reason.FAILED, "erreur du navigateur : " + ex, ex);
        }
        if (html == null) {
            throw new PageRenderer.Failure(PageRenderer.Failure.Reason.FAILED, "le navigateur n'a rendu aucun document");
        }
        return html;
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
