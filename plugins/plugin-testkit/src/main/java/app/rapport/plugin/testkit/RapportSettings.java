package app.rapport.plugin.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Settings for the server of a test class, as on the command line: {@code "--rapport.plugins.my-plugin.interval=PT1S"}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RapportSettings {

    String[] value();
}
