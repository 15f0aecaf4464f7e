package app.rapport.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Latencies and outcomes of one scenario at one number of clients. */
final class Measurement {

    final String scenario;
    final int clients;
    private final List<Long> nanos = new ArrayList<>();
    private final Map<String, Integer> outcomes = new TreeMap<>();
    private double seconds;
    private double compilerCores = Double.NaN;

    Measurement(String scenario, int clients) {
        this.scenario = scenario;
        this.clients = clients;
    }

    synchronized void record(long elapsedNanos, String classification) {
        nanos.add(elapsedNanos);
        outcomes.merge(classification == null ? "ok" : classification, 1, Integer::sum);
    }

    void finish(double seconds) {
        this.seconds = seconds;
        Collections.sort(nanos);
    }

    /** How many cores the server's JIT compilers took, on average, while this was measured. */
    void compilerCores(double cores) {
        this.compilerCores = cores;
    }

    double compilerCores() {
        return compilerCores;
    }

    int count() {
        return nanos.size();
    }

    double perSecond() {
        return seconds == 0 ? 0 : nanos.size() / seconds;
    }

    double percentileMillis(double percentile) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        int index = Math.min(nanos.size() - 1, (int) Math.floor(percentile * nanos.size()));
        return nanos.get(index) / 1_000_000.0;
    }

    Map<String, Integer> outcomes() {
        return outcomes;
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("scenario", scenario);
        json.put("clients", clients);
        json.put("count", count());
        json.put("perSecond", perSecond());
        json.put("p50Millis", percentileMillis(0.50));
        json.put("p99Millis", percentileMillis(0.99));
        json.put("outcomes", outcomes);
        if (!Double.isNaN(compilerCores)) {
            json.put("serverCompilerCores", compilerCores);
        }
        return json;
    }
}
