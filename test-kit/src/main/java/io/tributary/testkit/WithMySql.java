package io.tributary.testkit;

import io.tributary.testkit.db.MySqlExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class a fresh MySQL or MariaDB database, injected into parameters of type {@link
 * MySqlDatabase}: from a container ({@link ContainerImages#MYSQL} unless the {@code mysql.image}
 * setting names another) or from an external server named by the {@code mysql.url}, {@code
 * mysql.username} and {@code mysql.password} settings. There is no embedded MySQL.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(MySqlExtension.class)
public @interface WithMySql {
    /** @return where the server comes from; {@link Provider#DEFAULT} follows the {@code mysql.provider} setting */
    Provider provider() default Provider.DEFAULT;
}
