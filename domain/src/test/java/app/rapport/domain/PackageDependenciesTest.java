package app.rapport.domain;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feature packages depend one way, shared ← contact ← interview, and shared ← question: the server's architecture test
 * forbids cycles between them, and this keeps the domain module honest on its own.
 */
class PackageDependenciesTest {

    @Test
    void featurePackagesDependOneWay() {
        assertThat(dependencies()).isSubsetOf(
                "app.rapport.domain.contact -> app.rapport.domain.shared",
                "app.rapport.domain.interview -> app.rapport.domain.contact",
                "app.rapport.domain.interview -> app.rapport.domain.shared",
                "app.rapport.domain.question -> app.rapport.domain.shared");
    }

    private static Set<String> dependencies() {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        int exit = jdeps.run(new PrintWriter(out), new PrintWriter(out),
                             "-verbose:package", "-e", "app\\.rapport\\..*", DomainClasses.directory().toString());
        assertThat(exit).as(out.toString()).isZero();
        Set<String> found = out.toString().lines()
                .filter(line -> line.startsWith("   app.rapport."))
                .map(line -> line.trim().split("\\s+"))
                .map(parts -> parts[0] + " -> " + parts[2])
                .collect(Collectors.toSet());
        assertThat(found).as("jdeps found the domain's dependencies:\n" + out).isNotEmpty();
        return found;
    }
}
