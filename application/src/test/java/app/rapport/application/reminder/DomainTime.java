package app.rapport.application.reminder;

import org.axonframework.eventhandling.GenericEventMessage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** Sets the domain's clock (Axon's event clock) for a test and moves it by hand; closing restores the real one. */
final class DomainTime extends Clock implements AutoCloseable {

    private final Clock previous = GenericEventMessage.clock;
    private final AtomicReference<Instant> now;

    private DomainTime(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    static DomainTime at(Instant start) {
        DomainTime time = new DomainTime(start);
        GenericEventMessage.clock = time;
        return time;
    }

    void set(Instant instant) {
        now.set(instant);
    }

    void advance(Duration duration) {
        now.updateAndGet(at -> at.plus(duration));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The domain reads only instants");
    }

    @Override
    public void close() {
        GenericEventMessage.clock = previous;
    }
}
