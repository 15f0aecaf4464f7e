package app.rapport.api.server;

import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.Document;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class KnownDocumentsTest {

    private final List<String> parsed = new ArrayList<>();

    private final Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate = input -> {
        parsed.add(input.getQuery());
        if (input.getQuery().contains("wrong")) {
            return new PreparsedDocumentEntry(GraphqlErrorBuilder.newError().message("no field wrong").build());
        }
        return new PreparsedDocumentEntry(Parser.parse(input.getQuery()));
    };

    private Document documentOf(KnownDocuments documents, String query) {
        PreparsedDocumentEntry entry = documents.getDocumentAsync(ExecutionInput.newExecutionInput(query).build(), parseAndValidate).join();
        return entry.getDocument();
    }

    @Test
    void aDocumentSentAgainIsParsedOnce() {
        KnownDocuments documents = new KnownDocuments(1_000, 1_000);

        Document first = documentOf(documents, "{ me { id } }");
        Document again = documentOf(documents, "{ me { id } }");

        assertThat(again).isSameAs(first);
        assertThat(parsed).containsExactly("{ me { id } }");
    }

    @Test
    void aRefusedDocumentIsParsedAndValidatedEachTime() {
        KnownDocuments documents = new KnownDocuments(1_000, 1_000);

        documentOf(documents, "{ wrong }");
        documentOf(documents, "{ wrong }");

        assertThat(parsed).hasSize(2);
        assertThat(documents.size()).isZero();
    }

    @Test
    void theLeastRecentlyUsedGoFirstAndLongDocumentsAreNotKept() {
        KnownDocuments documents = new KnownDocuments(10, 30); // two documents of five characters
        documentOf(documents, "{ a }");
        documentOf(documents, "{ b }");
        documentOf(documents, "{ a }");
        documentOf(documents, "{ c }");
        documentOf(documents, "{ me { id displayName email } }");

        documentOf(documents, "{ a }");
        documentOf(documents, "{ b }");

        assertThat(documents.size()).isEqualTo(2);
        assertThat(parsed).containsExactly("{ a }", "{ b }", "{ c }", "{ me { id displayName email } }", "{ b }");
    }

    @Test
    void whatIsKeptStaysWithinItsCharactersHoweverManyDocumentsCome() {
        KnownDocuments documents = new KnownDocuments(1_000, 300);
        for (int i = 0; i < 2_000; i++) {
            documentOf(documents, "{ contact(id: \"" + "x".repeat(i % 250) + i + "\") { id } }");
        }

        assertThat(documents.keptCharacters()).isBetween(700, 1_000);
        assertThat(parsed).hasSize(2_000);
    }
}
