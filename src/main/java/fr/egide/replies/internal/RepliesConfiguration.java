package fr.egide.replies.internal;

import fr.egide.analysis.ReviewAnalyzer;
import fr.egide.compliance.ReplyLinter;
import fr.egide.compliance.SpellChecker;
import fr.egide.replies.ReplyAssistant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The linter the replies use: with LanguageTool's spelling unless {@code egide.replies.spelling} is false.
 * LanguageTool starts on first use, or in the background once the application is ready, never delaying the
 * start-up; until it is ready a lint waits for it.
 */
@Configuration(proxyBeanMethods = false)
class RepliesConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RepliesConfiguration.class);

    @Bean
    LazySpelling lazySpelling() {
        return new LazySpelling();
    }

    @Bean
    ReplyLinter replyLinter(ReviewAnalyzer analyzer, LazySpelling spellingChecker,
            @Value("${egide.replies.spelling:true}") boolean spelling) {
        var linter = ReplyLinter.standard(analyzer);
        return spelling ? linter.withSpelling(spellingChecker) : linter;
    }

    /** Starts LanguageTool in the background once the application serves, so that the first lint is quick. */
    @Bean
    org.springframework.context.ApplicationListener<org.springframework.boot.context.event.ApplicationReadyEvent> spellingWarmUp(
            LazySpelling spellingChecker, @Value("${egide.replies.spelling:true}") boolean spelling) {
        return event -> {
            if (spelling) {
                var thread = new Thread(spellingChecker::delegate, "languagetool-warm-up");
                thread.setDaemon(true);
                thread.setPriority(Thread.MIN_PRIORITY);
                thread.start();
            }
        };
    }

    /** The assistant lints its own texts without spelling: they are written and checked in advance. */
    @Bean
    ReplyAssistant replyAssistant(ReviewAnalyzer analyzer) {
        return new ReplyAssistant(ReplyLinter.standard(analyzer));
    }

    /** LanguageTool, created once on first need. */
    static final class LazySpelling implements SpellChecker {

        private volatile SpellChecker delegate;

        @Override
        public List<Issue> check(String text) {
            return delegate().check(text);
        }

        synchronized SpellChecker delegate() {
            if (delegate == null) {
                var start = System.nanoTime();
                delegate = SpellChecker.languageTool(List.of());
                log.info("Correcteur LanguageTool prêt en {} ms", (System.nanoTime() - start) / 1_000_000);
            }
            return delegate;
        }

    }

}
