package fr.egide.letters;

import fr.egide.analysis.ReviewAnalyzer;
import fr.egide.compliance.ReplyLinter;
import fr.egide.letters.engine.LetterEngine;
import fr.egide.letters.engine.LetterExport;
import fr.egide.system.InvalidRequestException;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The letters of a dossier: draft one from the dossier's data, let the user edit it, export it as PDF or DOCX.
 * Nothing is stored here: the dossiers module keeps the letters and their record of sending.
 *
 * <p>Bad input (a value the letter needs is missing) is an {@link InvalidRequestException} with a French message
 * naming what to fill in, and nothing is drafted. Medical secrecy does not throw: a draft whose wording reveals a
 * care relationship or a health detail comes back {@linkplain LetterDraft#blocked() blocked} with its findings (so
 * the user sees the words to change), and its export is refused.
 */
@Service
public class Letters {

    private final LetterEngine engine;

    public Letters(ReviewAnalyzer analyzer) {
        // Without spelling: the templates are written and checked in advance, and LanguageTool costs seconds.
        this.engine = new LetterEngine(ReplyLinter.standard(analyzer));
    }

    /** Without Spring (tests, command line). */
    public static Letters standard() {
        return new Letters(ReviewAnalyzer.standard());
    }

    /**
     * @throws InvalidRequestException when a value the letter needs is missing (all of them named in one message)
     */
    public LetterDraft draft(LetterType type, LetterContext context) {
        return engine.draft(type, context);
    }

    /** The draft with the user's paragraphs, checked again (mandatory elements, secrecy). */
    public LetterDraft edit(LetterDraft draft, List<Paragraph> paragraphs) {
        if (draft == null) {
            throw new InvalidRequestException("Aucun courrier à modifier.");
        }
        return engine.edit(draft, paragraphs);
    }

    /** An A4 PDF. @throws InvalidRequestException when the draft is blocked */
    public byte[] pdf(LetterDraft draft) {
        return LetterExport.pdf(exportable(draft));
    }

    /** An editable DOCX (Word, LibreOffice). @throws InvalidRequestException when the draft is blocked */
    public byte[] docx(LetterDraft draft) {
        return LetterExport.docx(exportable(draft));
    }

    private static LetterDraft exportable(LetterDraft draft) {
        if (draft == null) {
            throw new InvalidRequestException("Aucun courrier à exporter.");
        }
        if (draft.blocked()) {
            throw new InvalidRequestException(draft.blockedMessage());
        }
        return draft;
    }

}
