package app.rapport.plugin.testkit.plugins;

import app.rapport.plugin.Endpoint;
import app.rapport.plugin.EndpointResponse;
import app.rapport.plugin.PluginApi;
import app.rapport.plugin.PluginContext;
import app.rapport.plugin.PluginDescriptor;
import app.rapport.plugin.RapportPlugin;

/**
 * Installed as a jar in the plugin directory by its test (not listed on the class path): its public endpoint tells
 * which of the server's classes it can see.
 */
public class DirectoryPlugin implements RapportPlugin {

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor("from-a-jar", "From a jar", "1.2.3", PluginApi.VERSION, PluginApi.VERSION);
    }

    @Override
    public void start(PluginContext context) {
        context.endpoint(new Endpoint("GET", "sees", true, request -> EndpointResponse.text(
                200, "text/plain", "spi=" + visible("app.rapport.plugin.PluginContext") + " host=" + visible("app.rapport.application.plugin.PluginHost")
                                   + " spring=" + visible("org.springframework.context.ApplicationContext"))));
    }

    private boolean visible(String className) {
        try {
            Class.forName(className, false, getClass().getClassLoader());
            return true;
        } catch (ClassNotFoundException absent) {
            return false;
        }
    }
}
