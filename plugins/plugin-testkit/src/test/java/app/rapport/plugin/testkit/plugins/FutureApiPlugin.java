package app.rapport.plugin.testkit.plugins;

import app.rapport.plugin.PluginContext;
import app.rapport.plugin.PluginDescriptor;
import app.rapport.plugin.RapportPlugin;

/** Written for SPI versions this server does not speak: refused at start. */
public class FutureApiPlugin implements RapportPlugin {

    public static volatile boolean started;

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor("from-the-future", "From the future", "9.0.0", 7, 9);
    }

    @Override
    public void start(PluginContext context) {
        started = true;
    }
}
