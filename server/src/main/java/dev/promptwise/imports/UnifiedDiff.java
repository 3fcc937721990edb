package dev.promptwise.imports;

import java.util.ArrayList;
import java.util.List;

/** A unified diff of two texts, line by line, with three lines of context, as {@code diff -u} prints it. */
public final class UnifiedDiff {

    private static final int CONTEXT = 3;
    /** Above this many line pairs the diff is one hunk that replaces the file: still correct, only coarser. */
    private static final long MAX_CELLS = 20_000_000L;

    private UnifiedDiff() {}

    /** Returns the diff of {@code before} and {@code after}, labelled {@code a/path} and {@code b/path}; empty when equal. */
    public static String of(String path, String before, String after) {
        if (before.equals(after)) {
            return "";
        }
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<int[]> ops = script(a, b); // {kind, indexA, indexB}: 0 same, -1 removed, +1 added
        StringBuilder out = new StringBuilder("--- a/").append(path).append('\n').append("+++ b/").append(path)
                .append('\n');
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i)[0] == 0) {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            // Extend the hunk while the next change is within twice the context.
            while (true) {
                while (end < ops.size() && ops.get(end)[0] != 0) {
                    end++;
                }
                int next = end;
                while (next < ops.size() && ops.get(next)[0] == 0 && next - end < 2 * CONTEXT) {
                    next++;
                }
                if (next < ops.size() && ops.get(next)[0] != 0) {
                    end = next;
                } else {
                    end = Math.min(ops.size(), end + CONTEXT);
                    break;
                }
            }
            int fromA = -1;
            int fromB = -1;
            int countA = 0;
            int countB = 0;
            StringBuilder body = new StringBuilder();
            for (int k = start; k < end; k++) {
                int[] op = ops.get(k);
                if (op[0] <= 0) {
                    fromA = fromA < 0 ? op[1] : fromA;
                    countA++;
                }
                if (op[0] >= 0) {
                    fromB = fromB < 0 ? op[2] : fromB;
                    countB++;
                }
                String line = op[0] > 0 ? b.get(op[2]) : a.get(op[1]);
                body.append(op[0] == 0 ? ' ' : op[0] < 0 ? '-' : '+').append(line).append('\n');
            }
            out.append("@@ -").append(range(fromA, countA, ops, start, true)).append(" +")
                    .append(range(fromB, countB, ops, start, false)).append(" @@\n").append(body);
            i = end;
        }
        return out.toString();
    }

    private static String range(int from, int count, List<int[]> ops, int start, boolean sideA) {
        if (count == 0) {
            // An empty side is written at the line before the hunk.
            int before = 0;
            for (int k = 0; k < start; k++) {
                if (sideA ? ops.get(k)[0] <= 0 : ops.get(k)[0] >= 0) {
                    before++;
                }
            }
            return before + ",0";
        }
        return (from + 1) + (count == 1 ? "" : "," + count);
    }

    private static List<int[]> script(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        List<int[]> ops = new ArrayList<>();
        if ((long) n * m > MAX_CELLS) {
            for (int i = 0; i < n; i++) {
                ops.add(new int[] {-1, i, -1});
            }
            for (int j = 0; j < m; j++) {
                ops.add(new int[] {1, -1, j});
            }
            return ops;
        }
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                ops.add(new int[] {0, i++, j++});
            } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                ops.add(new int[] {1, -1, j++});
            } else {
                ops.add(new int[] {-1, i++, -1});
            }
        }
        // Removals before additions within a run of changes, as diff prints them.
        List<int[]> ordered = new ArrayList<>();
        int k = 0;
        while (k < ops.size()) {
            if (ops.get(k)[0] == 0) {
                ordered.add(ops.get(k++));
                continue;
            }
            List<int[]> added = new ArrayList<>();
            while (k < ops.size() && ops.get(k)[0] != 0) {
                if (ops.get(k)[0] < 0) {
                    ordered.add(ops.get(k));
                } else {
                    added.add(ops.get(k));
                }
                k++;
            }
            ordered.addAll(added);
        }
        return ordered;
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
