package org.postedit.workbench.export;

import java.io.ByteArrayOutputStream;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Records, for each item an exporter reads, how many bytes it had written by then: an exporter that streams has
 * written the file up to about item k when it reads item k; one that reads the document first has written nothing.
 */
final class ReadWhileWritten<T> implements Iterable<T> {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    /** ordinal of the item read -> bytes written when it was read */
    final Map<Integer, Integer> writtenWhenRead = new LinkedHashMap<>();
    private final Iterable<T> items;
    private final ToIntFunction<T> ordinal;

    ReadWhileWritten(Iterable<T> items, ToIntFunction<T> ordinal) {
        this.items = items;
        this.ordinal = ordinal;
    }

    @Override
    public Iterator<T> iterator() {
        Iterator<T> inner = items.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return inner.hasNext();
            }

            @Override
            public T next() {
                T next = inner.next();
                writtenWhenRead.put(ordinal.applyAsInt(next), out.size());
                return next;
            }
        };
    }
}
