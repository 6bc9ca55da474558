package fr.egide.evidence.internal;

import fr.egide.evidence.Targets;
import fr.egide.evidence.engine.ChromiumCapture;
import fr.egide.monitoring.PageRenderer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Renders the watched pages that need their scripts with the capture engine's Chromium, headless, under the same
 * rules as a capture: http(s) only, loopback and private hosts refused unless listed in
 * {@code egide.evidence.allow-hosts} (the final address after redirects too), a fresh profile each time, the load
 * time-out, scrolling capped, the browser killed at the end; and the rendered HTML capped at
 * {@value #MAX_HTML_BYTES} bytes. Off when {@code egide.evidence.browser} is false.
 */
@Component
class ChromiumPageRenderer implements PageRenderer {

    /** A watched page is read for its text: far less than a capture keeps. */
    static final long MAX_HTML_BYTES = 10L * 1024 * 1024;

    /** Scrolling passes for lazy items; an endless scroll stops there. */
    static final int MAX_SCROLLS = 10;

    private final EvidenceSettings settings;

    private final Supplier<Path> chromium;

    @Autowired
    ChromiumPageRenderer(EvidenceSettings settings) {
        this(settings, ChromiumCapture::findChromium);
    }

    ChromiumPageRenderer(EvidenceSettings settings, Supplier<Path> chromium) {
        this.settings = settings;
        this.chromium = chromium;
    }

    @Override
    public String render(URI page, Duration timeout) throws Failure, InterruptedException {
        var url = allowed(page.toString());
        if (!settings.browser()) {
            throw new Failure(Failure.Reason.NO_BROWSER, "le navigateur d'Égide est désactivé (EGIDE_EVIDENCE_BROWSER=false) ;"
                    + " remettez-le à true pour lire les pages écrites par leurs scripts.");
        }
        var browser = chromium.get();
        if (browser == null) {
            throw new Failure(Failure.Reason.NO_BROWSER, "Chromium est introuvable sur le serveur d'Égide : installez-le"
                    + " (sudo apt-get install chromium) ou indiquez son chemin dans EGIDE_CHROMIUM.");
        }
        ChromiumCapture.Rendering rendering;
        try {
            rendering = new ChromiumCapture(browser, timeout,
                    new ChromiumCapture.Limits(MAX_HTML_BYTES, ChromiumCapture.Limits.DEFAULT.maxHeight(), MAX_SCROLLS))
                .render(url);
        }
        catch (IOException ex) {
            throw new Failure(Failure.Reason.FAILED, ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage(), ex);
        }
        // A redirect may lead where a capture would not go: what is there is not read.
        allowed(rendering.finalUrl());
        return rendering.html();
    }

    private URI allowed(String url) throws Failure {
        try {
            return Targets.check(url, settings.allowHosts());
        }
        catch (IllegalArgumentException ex) {
            throw new Failure(Failure.Reason.REFUSED, ex.getMessage().replace("ajoutez --allow-host ",
                    "ajoutez à EGIDE_EVIDENCE_ALLOW_HOSTS l'hôte "), ex);
        }
    }

}
