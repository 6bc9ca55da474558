package fr.egide.cases.internal;

import fr.egide.cases.Dossier;
import fr.egide.cases.DossierLetters;
import fr.egide.letters.Letters;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The letters of a dossier for its ZIP export: each as PDF and as DOCX (the export puts them under « courriers/ »). */
@Component
class DossierLetterFiles implements DossierExport.LetterFiles {

    private final DossierLetters letters;

    private final Letters engine;

    DossierLetterFiles(DossierLetters letters, Letters engine) {
        this.letters = letters;
        this.engine = engine;
    }

    @Override
    public Map<String, byte[]> files(Dossier dossier) {
        var files = new LinkedHashMap<String, byte[]>();
        int n = 0;
        for (var letter : letters.list(dossier.id())) {
            n++;
            if (letter.draft().blocked()) {
                continue;
            }
            var prefix = String.format("%02d-", n);
            files.put(prefix + DossierLetters.fileName(dossier.reference(), letter, "pdf"), engine.pdf(letter.draft()));
            files.put(prefix + DossierLetters.fileName(dossier.reference(), letter, "docx"), engine.docx(letter.draft()));
        }
        return files;
    }

}
