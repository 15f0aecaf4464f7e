package app.rapport.plugin.testkit.plugins;

import app.rapport.plugin.PluginApi;
import app.rapport.plugin.PluginContext;
import app.rapport.plugin.PluginDescriptor;
import app.rapport.plugin.RapportPlugin;

/** Switched off by its test's settings. */
public class SwitchedOffPlugin implements RapportPlugin {

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor("switched-off", "Switched off", "1.0.0", PluginApi.VERSION, PluginApi.VERSION);
    }

    @Override
    public void start(PluginContext context) {
        throw new AssertionError("a switched-off plugin is never started");
    }
}
