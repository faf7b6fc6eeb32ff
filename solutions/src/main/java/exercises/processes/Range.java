package exercises.processes;

import java.util.ArrayList;
import java.util.List;

/** An inclusive range {@code [first, last]} of positive integers, one worker's share of the sum. */
record Range(int first, int last) {

    Range {
        if (first < 1) {
            throw new IllegalArgumentException("first must be at least 1, was " + first);
        }
        if (last < first) {
            throw new IllegalArgumentException(
                    "last must be at least first (" + first + "), was " + last);
        }
    }

    /**
     * Splits {@code 1..n} into {@code parts} contiguous ranges whose sizes differ by at most one.
     *
     * <p>The first {@code n % parts} ranges get one extra number.
     */
    static List<Range> split(int n, int parts) {
        int size = n / parts;
        int extra = n % parts;
        List<Range> ranges = new ArrayList<>(parts);
        int first = 1;
        for (int i = 0; i < parts; i++) {
            int last = first + size - 1 + (i < extra ? 1 : 0);
            ranges.add(new Range(first, last));
            first = last + 1;
        }
        return List.copyOf(ranges);
    }

    /** Parses the two command-line arguments {@code first last}. */
    static Range parse(String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException("expected 2 arguments, got " + args.length);
        }
        return new Range(parseInt(args[0]), parseInt(args[1]));
    }

    /** Returns the sum of {@code i * i} over this range. */
    long sumOfSquares() {
        long sum = 0;
        for (long i = first; i <= last; i++) {
            // long, not int: 46341 * 46341 already overflows an int. addExact turns a sum too
            // big for a long into a crash instead of a silently wrong number.
            sum = Math.addExact(sum, i * i);
        }
        return sum;
    }

    private static int parseInt(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an integer: \"" + text + "\"", e);
        }
    }
}
