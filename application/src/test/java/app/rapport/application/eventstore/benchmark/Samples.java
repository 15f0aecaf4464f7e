package app.rapport.application.eventstore.benchmark;

import com.sun.management.OperatingSystemMXBean;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Durations of repeated operations, summarised in microseconds: wall-clock time, and the CPU time this
 * process spent meanwhile (all its threads: the driver, the embedded server, its background writer, the
 * garbage collector). On a shared machine other processes stretch the wall-clock time but not the CPU time.
 */
final class Samples {

    private static final OperatingSystemMXBean OPERATING_SYSTEM =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private long[] nanos = new long[1024];
    private int count;
    private long cpuNanos;

    /** The process's CPU time so far, to pass to {@link #add} after the operation. */
    static long cpuNow() {
        return OPERATING_SYSTEM.getProcessCpuTime();
    }

    void add(long elapsedNanos, long cpuNanosAtStart) {
        cpuNanos += cpuNow() - cpuNanosAtStart;
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = elapsedNanos;
    }

    Figure summary() {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(Double.NaN) / 1_000.0;
        return new Figure(mean, percentile(sorted, 0.50), percentile(sorted, 0.99), cpuNanos / 1_000.0 / count, count);
    }

    private static double percentile(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(fraction * sorted.length) - 1;
        return sorted[Math.max(0, rank)] / 1_000.0;
    }

    /**
     * One measured figure in microseconds; {@code p50} and {@code p99} are NaN where only a mean was measured.
     *
     * @param cpu     mean CPU time of this process per operation
     * @param samples how many operations the figure summarises
     */
    record Figure(double mean, double p50, double p99, double cpu, int samples) {

        static Figure meanOnly(double mean, double cpu, int samples) {
            return new Figure(mean, Double.NaN, Double.NaN, cpu, samples);
        }
    }
}
