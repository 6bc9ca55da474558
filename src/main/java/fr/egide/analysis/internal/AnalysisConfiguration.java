package fr.egide.analysis.internal;

import fr.egide.analysis.ReviewAnalyzer;
import fr.egide.monitoring.MentionLabelFamily;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One analyser for the whole application: it is thread-safe and its lexicons are loaded once. */
@Configuration(proxyBeanMethods = false)
class AnalysisConfiguration {

    @Bean
    ReviewAnalyzer reviewAnalyzer() {
        return ReviewAnalyzer.standard();
    }

    /** Offered as filters on the mentions page and in the API. */
    @Bean
    MentionLabelFamily qualificationLabels() {
        return AnalysisRunner.QUALIFICATIONS;
    }

    @Bean
    MentionLabelFamily indicatorLabels() {
        return AnalysisRunner.INDICATORS;
    }

}
