package com.claimflow.reference.internal;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * NCCI PTP edits of one setting packed for the scrubber: a sorted {@code long} key per row (column 1 and column 2 codes,
 * base 36, 26 bits each) and parallel arrays of effective day, deletion day and modifier indicator. About 17 bytes a
 * row, so a full release of a few million rows fits in tens of megabytes; a look-up is a binary search.
 */
public final class PtpTable {
    public static final int NO_DELETION = Integer.MAX_VALUE;

    private final long[] keys;
    private final int[] effective;
    private final int[] deletion;
    private final byte[] indicator;
    private final int size;

    private PtpTable(long[] keys, int[] effective, int[] deletion, byte[] indicator, int size) {
        this.keys = keys;
        this.effective = effective;
        this.deletion = deletion;
        this.indicator = indicator;
        this.size = size;
    }

    public int size() {
        return size;
    }

    /** A code as 26 bits (five characters 0-9/A-Z, base 36), or -1 when it is not a five-character procedure code. */
    static long code(String c) {
        if (c == null || c.length() != 5) return -1;
        long v = 0;
        for (int i = 0; i < 5; i++) {
            char ch = c.charAt(i);
            int d;
            if (ch >= '0' && ch <= '9') d = ch - '0';
            else if (ch >= 'A' && ch <= 'Z') d = ch - 'A' + 10;
            else if (ch >= 'a' && ch <= 'z') d = ch - 'a' + 10;
            else return -1;
            v = v * 36 + d;
        }
        return v;
    }

    public static long key(String column1, String column2) {
        long a = code(column1);
        long b = code(column2);
        return a < 0 || b < 0 ? -1 : (a << 26) | b;
    }

    /**
     * The modifier indicator ('0', '1' or '9') of the edit between the two codes in force on the day, or 0 when there is
     * none. In force: effective date on or before the day, and no deletion date or one after the day (CMS deletes an
     * edit as of its deletion date). Several rows in force: the latest effective wins.
     */
    public char indicatorOn(String column1, String column2, LocalDate day) {
        long key = key(column1, column2);
        if (key < 0 || size == 0) return 0;
        int i = lowerBound(key);
        int d = (int) day.toEpochDay();
        char found = 0;
        int foundFrom = Integer.MIN_VALUE;
        for (; i < size && keys[i] == key; i++) {
            if (effective[i] <= d && d < deletion[i] && effective[i] >= foundFrom) {
                found = (char) indicator[i];
                foundFrom = effective[i];
            }
        }
        return found;
    }

    private int lowerBound(long key) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (keys[mid] < key) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects rows in any order; {@link #build()} sorts them. */
    public static final class Builder {
        private long[] keys = new long[1024];
        private int[] effective = new int[1024];
        private int[] deletion = new int[1024];
        private byte[] indicator = new byte[1024];
        private int size;
        private boolean sorted = true;

        public Builder add(String column1, String column2, LocalDate from, LocalDate deleted, char modifierIndicator) {
            long key = key(column1, column2);
            if (key < 0) return this;
            if (size == keys.length) {
                int n = size * 2;
                keys = Arrays.copyOf(keys, n);
                effective = Arrays.copyOf(effective, n);
                deletion = Arrays.copyOf(deletion, n);
                indicator = Arrays.copyOf(indicator, n);
            }
            if (size > 0 && keys[size - 1] > key) sorted = false;
            keys[size] = key;
            effective[size] = (int) from.toEpochDay();
            deletion[size] = deleted == null ? NO_DELETION : (int) deleted.toEpochDay();
            indicator[size] = (byte) modifierIndicator;
            size++;
            return this;
        }

        public PtpTable build() {
            if (!sorted) heapSort();
            return new PtpTable(Arrays.copyOf(keys, size), Arrays.copyOf(effective, size), Arrays.copyOf(deletion, size),
                    Arrays.copyOf(indicator, size), size);
        }

        private void heapSort() {
            for (int i = size / 2 - 1; i >= 0; i--) siftDown(i, size);
            for (int end = size - 1; end > 0; end--) {
                swap(0, end);
                siftDown(0, end);
            }
        }

        private void siftDown(int i, int n) {
            while (true) {
                int l = 2 * i + 1;
                if (l >= n) return;
                int max = l + 1 < n && keys[l + 1] > keys[l] ? l + 1 : l;
                if (keys[i] >= keys[max]) return;
                swap(i, max);
                i = max;
            }
        }

        private void swap(int a, int b) {
            long k = keys[a]; keys[a] = keys[b]; keys[b] = k;
            int e = effective[a]; effective[a] = effective[b]; effective[b] = e;
            int d = deletion[a]; deletion[a] = deletion[b]; deletion[b] = d;
            byte x = indicator[a]; indicator[a] = indicator[b]; indicator[b] = x;
        }
    }
}
