package fr.egide.monitoring.connectors;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.impl.XmlFixerReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.input.JDOMParseException;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;
import org.jsoup.Jsoup;
import tools.jackson.databind.json.JsonMapper;

/**
 * An RSS 2.0 or Atom 1.0 feed (Google Alerts, a forum, a blog, a news search), setting {@code url}. Every entry of
 * the feed is returned, in one page: the ingestion deduplicates on the external id (the Atom id or RSS guid, else
 * the link). Google Alerts' redirect links are unwrapped to the article's address and their {@code <b>} markup
 * stripped.
 * <p>
 * XML external entities stay off: the document is read by Rome's own SAX builder, whose defaults (Rome 2.1.0,
 * {@code WireFeedInput.createSAXBuilder}) refuse any DOCTYPE ({@code disallow-doctype-decl}, as
 * {@code allowDoctypes} is false), turn off external general and parameter entities and external DTD loading, do not
 * expand entities and resolve DTDs to an empty document. A feed declaring a DOCTYPE is therefore refused as MALFORMED.
 */
public final class FeedConnector implements Connector {

    public static final String KIND = "FLUX";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String ACCEPT = "application/atom+xml, application/rss+xml, application/xml;q=0.9, "
            + "text/xml;q=0.9, */*;q=0.1";

    private final ConnectorHttp http;

    public FeedConnector(ConnectorHttp http) {
        this.http = http;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public FetchResult fetch(FetchRequest request) throws ConnectorException, InterruptedException {
        var uri = feedUri(request.setting("url"));
        var service = "Le flux " + uri.getHost();
        var body = http.send(service, http.request(uri).header("Accept", ACCEPT).GET().build());
        var parsed = parse(service, body);
        var feed = parsed.feed();
        var feedTitle = plain(feed.getTitleEx(), feed.getTitle());
        var matcher = new NameMatcher(request.nameVariants());
        var entries = feed.getEntries();
        var elements = parsed.entryElements();
        var items = new ArrayList<FetchedItem>();
        Instant newest = null;
        for (int i = 0; i < entries.size(); i++) {
            var entry = entries.get(i);
            var raw = elements.size() == entries.size() ? xml(elements.get(i)) : json(entry);
            var item = item(entry, raw, feedTitle, feed.getLanguage(), matcher);
            items.add(item);
            var date = item.updatedAt() != null && (item.publishedAt() == null || item.updatedAt().isAfter(item.publishedAt()))
                    ? item.updatedAt() : item.publishedAt();
            if (date != null && (newest == null || date.isAfter(newest))) {
                newest = date;
            }
        }
        var check = new HashMap<String, String>();
        if (newest != null) {
            check.put("dernierElement", newest.toString());
        }
        return new FetchResult(items, null, false, List.of(), check);
    }

    /**
     * The article behind a Google redirect link ({@code https://www.google.com/url?rct=j&sa=t&url=<article>&…}, or
     * {@code q=} in older links), decoded; any other link unchanged.
     */
    public static String unwrapGoogleRedirect(String link) {
        if (link == null) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(link.strip());
        }
        catch (IllegalArgumentException ex) {
            return link;
        }
        var host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        var google = host.equals("google.com") || host.startsWith("google.") || host.startsWith("www.google.");
        if (!google || !"/url".equals(uri.getPath()) || uri.getRawQuery() == null) {
            return link;
        }
        String fallback = null;
        for (var parameter : uri.getRawQuery().split("&")) {
            var equals = parameter.indexOf('=');
            if (equals < 0) {
                continue;
            }
            var name = parameter.substring(0, equals);
            if (name.equals("url") || name.equals("q")) {
                var target = URLDecoder.decode(parameter.substring(equals + 1), StandardCharsets.UTF_8);
                if (target.startsWith("https://") || target.startsWith("http://")) {
                    if (name.equals("url")) {
                        return target;
                    }
                    fallback = target;
                }
            }
        }
        return fallback != null ? fallback : link;
    }

    private static URI feedUri(String url) throws ConnectorException {
        return ConnectorHttp.webAddress(url, "Le flux n'a pas d'adresse : renseignez le réglage « url » (adresse du flux RSS ou Atom).", "L'adresse du flux");
    }

    private record Parsed(SyndFeed feed, List<Element> entryElements) {
    }

    private static Parsed parse(String service, String body) throws ConnectorException {
        var xml = body.startsWith("\uFEFF") ? body.substring(1) : body;
        Document document;
        try {
            document = RomeSaxBuilder.parse(xml);
        }
        catch (JDOMException ex) {
            var message = String.valueOf(ex.getMessage());
            if (message.contains("DOCTYPE")) {
                throw new ConnectorException(ConnectorException.Kind.MALFORMED, service
                        + " déclare un DOCTYPE, refusé par sécurité (entités externes XML) : le flux n'a pas été lu.", null, ex);
            }
            var line = ex instanceof JDOMParseException parseException && parseException.getLineNumber() > 0
                    ? ", ligne " + parseException.getLineNumber() : "";
            throw new ConnectorException(ConnectorException.Kind.MALFORMED,
                    service + " a renvoyé un XML invalide" + line + " : nouvel essai plus tard.", null, ex);
        }
        catch (IOException ex) {
            throw new ConnectorException(ConnectorException.Kind.MALFORMED,
                    service + " a renvoyé un XML illisible : nouvel essai plus tard.", null, ex);
        }
        try {
            var feed = new SyndFeedInput().build(document);
            return new Parsed(feed, entryElements(document.getRootElement()));
        }
        catch (FeedException | IllegalArgumentException ex) {
            throw new ConnectorException(ConnectorException.Kind.MALFORMED, service
                    + " n'est pas un flux RSS ou Atom (élément racine <" + document.getRootElement().getName()
                    + ">) : vérifiez l'adresse du flux.", null, ex);
        }
    }

    /** The entries' elements in document order: Atom {@code feed/entry}, RSS 2.0 {@code channel/item}, RSS 1.0 {@code item}. */
    private static List<Element> entryElements(Element root) {
        var found = new ArrayList<Element>();
        for (var child : root.getChildren()) {
            if (child.getName().equals("entry") || child.getName().equals("item")) {
                found.add(child);
            }
            else if (child.getName().equals("channel")) {
                for (var item : child.getChildren()) {
                    if (item.getName().equals("item")) {
                        found.add(item);
                    }
                }
            }
        }
        return found;
    }

    private static FetchedItem item(SyndEntry entry, String raw, String feedTitle, String language, NameMatcher matcher) {
        var link = link(entry);
        var id = blankToNull(entry.getUri());
        var title = plain(entry.getTitleEx(), entry.getTitle());
        var summary = bodyText(entry);
        var text = title.isEmpty() ? summary : summary.isEmpty() ? title : title + "\n" + summary;
        var published = instant(entry.getPublishedDate());
        var updated = instant(entry.getUpdatedDate());
        var attributes = new LinkedHashMap<String, String>();
        if (!feedTitle.isEmpty()) {
            attributes.put("flux", feedTitle);
        }
        if (!matcher.isEmpty()) {
            attributes.put("citeLeNom", matcher.matches(text) ? "oui" : "non");
        }
        return new FetchedItem(id != null ? id : link, link, blankToNull(entry.getAuthor()), null, text, null,
                blankToNull(language), null, published != null ? published : updated, updated, attributes, raw);
    }

    private static String link(SyndEntry entry) {
        var link = blankToNull(entry.getLink());
        if (link == null) {
            for (var candidate : entry.getLinks()) {
                if (candidate.getRel() == null || "alternate".equals(candidate.getRel())) {
                    link = blankToNull(candidate.getHref());
                    break;
                }
            }
        }
        return link == null ? null : unwrapGoogleRedirect(link.strip());
    }

    /** The content when the feed gives one (Atom content, RSS content:encoded: the fuller text), else the summary. */
    private static String bodyText(SyndEntry entry) {
        var parts = new ArrayList<String>();
        for (var content : entry.getContents()) {
            var text = plain(content, content.getValue());
            if (!text.isEmpty()) {
                parts.add(text);
            }
        }
        if (parts.isEmpty() && entry.getDescription() != null) {
            return plain(entry.getDescription(), entry.getDescription().getValue());
        }
        return String.join("\n", parts);
    }

    /** The text without markup: HTML unless the feed says it is plain text; whitespace collapsed. */
    private static String plain(SyndContent content, String value) {
        if (value == null) {
            return "";
        }
        var type = content == null || content.getType() == null ? "" : content.getType().toLowerCase(Locale.ROOT);
        var text = type.equals("text") || type.equals("text/plain") ? value : Jsoup.parse(value).text();
        return text.replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
    }

    private static String xml(Element element) {
        return new XMLOutputter(Format.getRawFormat()).outputString(element);
    }

    /** A faithful rendering of the entry's fields, when its element could not be matched. */
    private static String json(SyndEntry entry) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("id", entry.getUri());
        fields.put("link", entry.getLink());
        fields.put("title", entry.getTitle());
        fields.put("summary", entry.getDescription() == null ? null : entry.getDescription().getValue());
        fields.put("content", entry.getContents().stream().map(SyndContent::getValue).toList());
        fields.put("published", entry.getPublishedDate() == null ? null : instant(entry.getPublishedDate()).toString());
        fields.put("updated", entry.getUpdatedDate() == null ? null : instant(entry.getUpdatedDate()).toString());
        fields.put("author", entry.getAuthor());
        return JSON.writeValueAsString(fields);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * Rome's own hardened SAX builder ({@code createSAXBuilder} is protected), so that the document is read with
     * Rome's defaults and its elements are kept for the raw payload. The XML healer is applied as
     * {@code WireFeedInput.build(Reader)} does (HTML entities such as {@code &nbsp;} in RSS).
     */
    private static final class RomeSaxBuilder extends WireFeedInput {

        static Document parse(String xml) throws JDOMException, IOException {
            return new RomeSaxBuilder().createSAXBuilder().build(new XmlFixerReader(new StringReader(xml)));
        }

    }

}
