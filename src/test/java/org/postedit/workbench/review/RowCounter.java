package org.postedit.workbench.review;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the rows every result set hands out, so a test can prove that a query behind the grid never reads more
 * than one page. Wraps the real data source; nothing else changes.
 */
@TestConfiguration
public class RowCounter {

    /** The most rows read by one result set since the last reset. */
    public static final AtomicInteger MAX_ROWS = new AtomicInteger();
    public static volatile boolean counting;

    public static void reset() {
        MAX_ROWS.set(0);
    }

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource ds ? wrap(ds, DataSource.class) : bean;
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static <T> T wrap(T target, Class<T> type) {
        InvocationHandler handler = new InvocationHandler() {
            private int rows;

            @Override
            public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) throws Throwable {
                Object result;
                try {
                    result = method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
                if (target instanceof ResultSet && method.getName().equals("next") && Boolean.TRUE.equals(result)) {
                    rows++;
                    if (counting) {
                        MAX_ROWS.accumulateAndGet(rows, Math::max);
                    }
                }
                if (result instanceof Connection c && method.getReturnType() == Connection.class) {
                    return wrap(c, Connection.class);
                }
                if (result instanceof java.sql.PreparedStatement s
                        && method.getReturnType() == java.sql.PreparedStatement.class) {
                    return wrap(s, java.sql.PreparedStatement.class);
                }
                if (result instanceof Statement s && method.getReturnType() == Statement.class) {
                    return wrap(s, Statement.class);
                }
                if (result instanceof ResultSet r && method.getReturnType() == ResultSet.class) {
                    return wrap(r, ResultSet.class);
                }
                return result;
            }
        };
        return (T) Proxy.newProxyInstance(RowCounter.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
