package app.rapport.benchmark;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The run's latencies as a picture: one row per scenario and number of clients, a bar to the median and a thin
 * line on to the 99th percentile, on a logarithmic scale of milliseconds so that 1 ms and 1 s both show.
 */
final class Chart {

    private static final int WIDTH = 1200;
    private static final int ROW = 22;
    private static final int LABEL = 430;
    private static final int TOP = 60;
    private static final double MIN_MILLIS = 0.1;
    private static final double MAX_MILLIS = 10_000;

    private Chart() {
    }

    static void write(List<Measurement> measurements, Path file) throws IOException {
        int height = TOP + ROW * measurements.size() + 40;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.setColor(Color.BLACK);
        g.drawString("Rapport over HTTP: p50 (bar) and p99 (line), milliseconds, log scale", 10, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (double millis = MIN_MILLIS; millis <= MAX_MILLIS; millis *= 10) {
            int x = x(millis);
            g.setColor(new Color(220, 220, 220));
            g.drawLine(x, TOP - 10, x, height - 30);
            g.setColor(Color.DARK_GRAY);
            g.drawString(millis < 1 ? String.valueOf(millis) : String.valueOf((long) millis), x - 8, TOP - 14);
        }
        int y = TOP;
        for (Measurement m : measurements) {
            boolean ceiling = m.scenario.contains("ceiling");
            g.setColor(Color.BLACK);
            g.drawString(m.scenario + " · " + m.clients + (m.clients == 1 ? " client" : " clients"), 10, y + 15);
            double p50 = m.percentileMillis(0.5);
            double p99 = m.percentileMillis(0.99);
            if (!Double.isNaN(p50)) {
                g.setColor(ceiling ? new Color(150, 150, 150) : new Color(50, 110, 180));
                g.fillRect(LABEL, y + 4, Math.max(1, x(p50) - LABEL), ROW - 8);
                g.setStroke(new BasicStroke(2));
                g.drawLine(x(p50), y + ROW / 2, x(p99), y + ROW / 2);
                g.drawLine(x(p99), y + 6, x(p99), y + ROW - 6);
            }
            y += ROW;
        }
        g.setColor(Color.DARK_GRAY);
        g.drawString("grey: ceilings measured in the same run", 10, height - 12);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static int x(double millis) {
        double clamped = Math.max(MIN_MILLIS, Math.min(MAX_MILLIS, millis));
        double share = Math.log10(clamped / MIN_MILLIS) / Math.log10(MAX_MILLIS / MIN_MILLIS);
        return LABEL + (int) Math.round(share * (WIDTH - LABEL - 30));
    }
}
