package app.rapport.api.server;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The documents this server has parsed and validated, by their text. The dashboard and other clients send the same few
 * documents again and again with other variables; parsing and validating one costs about as much as answering a
 * small query. Only valid documents are kept (a refusal may depend on the caller), the least recently used go first,
 * and a long document is never kept. What depends on the request is checked anew each time ({@link app.rapport.api.EveryRequestCheck}).
 */
final class KnownDocuments implements PreparsedDocumentProvider {

    private final int capacity;
    private final int longestKept;
    private final Map<String, PreparsedDocumentEntry> documents;

    KnownDocuments(int capacity, int longestKept) {
        this.capacity = capacity;
        this.longestKept = longestKept;
        this.documents = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparsedDocumentEntry> eldest) {
                return size() > KnownDocuments.this.capacity;
            }
        };
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
            synchronized (documents) {
                documents.put(text, parsed);
            }
        }
        return CompletableFuture.completedFuture(parsed);
    }

    int size() {
        synchronized (documents) {
            return documents.size();
        }
    }
}
