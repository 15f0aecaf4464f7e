package app.rapport.plugin.testkit.plugins;

import app.rapport.plugin.GraphQlFields;
import app.rapport.plugin.PluginApi;
import app.rapport.plugin.PluginContext;
import app.rapport.plugin.PluginDescriptor;
import app.rapport.plugin.RapportPlugin;

import java.util.Map;

/** Tries to take a core GraphQL field: refused when it adds it, so it fails to start and is left out. */
public class ClashingPlugin implements RapportPlugin {

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor("clashing", "Clashing", "1.0.0", PluginApi.VERSION, PluginApi.VERSION);
    }

    @Override
    public void start(PluginContext context) {
        context.graphQl(new GraphQlFields("extend type Query { dashboard: String }", Map.of("Query.dashboard", call -> "mine")));
    }
}
