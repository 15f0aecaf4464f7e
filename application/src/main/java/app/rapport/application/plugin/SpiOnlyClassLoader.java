package app.rapport.application.plugin;

/**
 * The parent of a third-party plugin's class loader: it lends the plugin the platform's classes and the host's SPI
 * ({@code app.rapport.plugin}) and nothing else, so a plugin can neither reach into the server nor clash with the
 * server's libraries; it brings its own in its jar.
 */
final class SpiOnlyClassLoader extends ClassLoader {

    private static final String SPI = "app.rapport.plugin.";

    private final ClassLoader host;

    SpiOnlyClassLoader(ClassLoader host) {
        super("rapport-plugin-spi", ClassLoader.getPlatformClassLoader());
        this.host = host;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (name.startsWith(SPI) && name.indexOf('.', SPI.length()) < 0) {
            return host.loadClass(name);
        }
        throw new ClassNotFoundException(name + " is not part of the plugin SPI");
    }
}
