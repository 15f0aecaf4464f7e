package app.rapport.benchmark;

import java.util.ArrayList;
import java.util.Collections;
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
        return Map.of("scenario", scenario, "clients", clients, "count", count(), "perSecond", perSecond(),
                      "p50Millis", percentileMillis(0.50), "p99Millis", percentileMillis(0.99), "outcomes", outcomes);
    }
}
