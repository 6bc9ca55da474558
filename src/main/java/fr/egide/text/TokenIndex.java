package fr.egide.text;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A tokenised text with what every lexicon scan needs, computed once: the set of its words (for the pre-checks
 * that skip entries whose words are absent) and each token's first three letters (for prefix entries). Several
 * lexicons scan the same text; building these once per text instead of once per scan matters at thousands of
 * reviews per second.
 */
public final class TokenIndex {

    final List<Token> tokens;

    final Set<String> words;

    final String[] heads;

    public TokenIndex(List<Token> tokens) {
        this.tokens = tokens;
        this.words = new HashSet<>(tokens.size() * 2);
        this.heads = new String[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            var norm = tokens.get(i).norm();
            words.add(norm);
            heads[i] = norm.length() >= 3 ? norm.substring(0, 3) : null;
        }
    }

    public List<Token> tokens() {
        return tokens;
    }

}
