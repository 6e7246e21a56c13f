package io.tributary.testkit;

import io.tributary.testkit.db.PostgresExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class a fresh PostgreSQL database, injected into parameters of type {@link
 * PostgresDatabase}. The server is shared by the JVM; each test class gets its own database, dropped
 * after the class.
 *
 * <pre>{@code
 * @WithPostgres
 * class OrdersTableIT {
 *     @Test
 *     void insertsRows(PostgresDatabase db) {
 *         db.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY)");
 *         ...
 *     }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(PostgresExtension.class)
public @interface WithPostgres {
    /** @return where the server comes from; {@link Provider#DEFAULT} follows the {@code postgres.provider} setting */
    Provider provider() default Provider.DEFAULT;
}
