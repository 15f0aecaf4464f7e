package app.rapport.api.server;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The documents this server has parsed and validated, by their text. The dashboard and other clients send the same few
 * documents again and again with other variables; parsing and validating one costs about as much as answering a
 * small query. Only valid documents are kept (a refusal may depend on the caller), the least recently used go first,
 * and what is kept is bounded by its text: a parsed document holds some 26 bytes per character of it, so a bound by
 * count would let anyone fill the heap with long ones. What depends on the request is checked anew each time
 * ({@link app.rapport.api.EveryRequestCheck}).
 */
final class KnownDocuments implements PreparsedDocumentProvider {

    private final int characters;
    private final int longestKept;
    private final LinkedHashMap<String, PreparsedDocumentEntry> documents = new LinkedHashMap<>(64, 0.75f, true);
    private int keptCharacters;

    /**
     * @param characters  the most characters of document text kept in all
     * @param longestKept the longest document kept
     */
    KnownDocuments(int characters, int longestKept) {
        this.characters = characters;
        this.longestKept = Math.min(longestKept, characters);
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
                                                                      Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String text = input.getQuery();
        PreparsedDocumentEntry known;
        synchronized (documents) {
            known = documents.get(text);
        }
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        PreparsedDocumentEntry parsed = parseAndValidate.apply(input);
        if (!parsed.hasErrors() && text.length() <= longestKept) {
            keep(text, parsed);
        }
        return CompletableFuture.completedFuture(parsed);
    }

    private void keep(String text, PreparsedDocumentEntry parsed) {
        synchronized (documents) {
            if (documents.put(text, parsed) == null) {
                keptCharacters += text.length();
            }
            Iterator<Map.Entry<String, PreparsedDocumentEntry>> leastRecentlyUsed = documents.entrySet().iterator();
            while (keptCharacters > characters && leastRecentlyUsed.hasNext()) {
                keptCharacters -= leastRecentlyUsed.next().getKey().length();
                leastRecentlyUsed.remove();
            }
        }
    }

    int size() {
        synchronized (documents) {
            return documents.size();
        }
    }

    int keptCharacters() {
        synchronized (documents) {
            return keptCharacters;
        }
    }
}
