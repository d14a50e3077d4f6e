package com.claimflow.reference.internal;

import com.claimflow.reference.CodeSystem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every code-set version in memory (about 100,000 rows at full ICD-10-CM + HCPCS + CPT, a few tens of megabytes):
 * code checks by date of service without a query, and code search for coders: codes sorted for exact and prefix
 * look-ups by binary search, and an inverted index of description words (word prefix for the last word typed).
 * Rebuilt lazily after {@link #reload()} (code-set imports and saves call it) and at most a minute after another
 * node's import.
 */
@Component
public class CodeIndex {
    private static final long RECHECK_MILLIS = 60_000;
    private static final List<CodeSystem> SEARCHED = List.of(CodeSystem.ICD10CM, CodeSystem.CPT, CodeSystem.HCPCS);

    /** One version of one code. */
    public record Version(CodeSystem system, String code, boolean billable, String description, LocalDate from, LocalDate to) {
        public boolean validOn(LocalDate d) {
            return !d.isBefore(from) && (to == null || !d.isAfter(to));
        }
    }

    private record Snapshot(Map<String, Version[]> byCode, Version[] searchable, String[] codes, String[] words, int[][] postings,
                            long mark, LocalDate builtFor) {
    }

    private final JdbcTemplate jdbc;
    private volatile Snapshot snapshot;
    private volatile long checkedAt;

    public CodeIndex(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public void reload() {
        snapshot = null;
    }

    /** Every version of a code (any system), or an empty array. */
    public Version[] versions(String code) {
        Version[] v = current().byCode().get(code);
        return v == null ? new Version[0] : v;
    }

    /**
     * Exact code first, then codes starting with the query, then codes whose description has every word of the query
     * (the last one as a prefix); within each group billable before header codes, then by code.
     */
    public List<Version> search(String query, int limit) {
        Snapshot s = current();
        List<Version> out = new ArrayList<>(limit);
        if (query == null || query.isBlank() || limit <= 0) return out;
        String q = query.trim();
        String code = q.replace(".", "").toUpperCase(Locale.ROOT);
        BitSet taken = new BitSet(s.searchable().length);
        if (code.matches("[0-9A-Z]+")) {
            int lo = lowerBound(s.codes(), code);
            int hi = lo;
            while (hi < s.codes().length && s.codes()[hi].startsWith(code)) hi++;
            for (int i = lo; i < hi && s.codes()[i].equals(code) && out.size() < limit; i++) take(s, i, out, taken);
            for (int pass = 0; pass < 2; pass++) {
                for (int i = lo; i < hi && out.size() < limit; i++) {
                    if (!taken.get(i) && s.searchable()[i].billable() == (pass == 0)) take(s, i, out, taken);
                }
            }
        }
        if (out.size() >= limit) return out;
        BitSet words = matchWords(s, q.toLowerCase(Locale.ROOT), !Character.isWhitespace(query.charAt(query.length() - 1)));
        if (words == null) return out;
        words.andNot(taken);
        for (int pass = 0; pass < 2 && out.size() < limit; pass++) {
            for (int i = words.nextSetBit(0); i >= 0 && out.size() < limit; i = words.nextSetBit(i + 1)) {
                if (s.searchable()[i].billable() == (pass == 0) && !taken.get(i)) take(s, i, out, taken);
            }
        }
        return out;
    }

    public int searchableSize() {
        return current().searchable().length;
    }

    private static void take(Snapshot s, int i, List<Version> out, BitSet taken) {
        taken.set(i);
        out.add(s.searchable()[i]);
    }

    private static BitSet matchWords(Snapshot s, String q, boolean lastIsPrefix) {
        List<String> tokens = tokens(q);
        if (tokens.isEmpty()) return null;
        BitSet result = null;
        for (int t = 0; t < tokens.size(); t++) {
            String token = tokens.get(t);
            BitSet hits = new BitSet(s.searchable().length);
            int lo = lowerBound(s.words(), token);
            boolean prefix = lastIsPrefix && t == tokens.size() - 1 && token.length() >= 2;
            for (int w = lo; w < s.words().length && (prefix ? s.words()[w].startsWith(token) : s.words()[w].equals(token)); w++) {
                for (int doc : s.postings()[w]) hits.set(doc);
            }
            if (result == null) result = hits;
            else result.and(hits);
            if (result.isEmpty()) return result;
        }
        return result;
    }

    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean word = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (word && start < 0) start = i;
            if (!word && start >= 0) {
                out.add(text.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
        }
        return out;
    }

    private static int lowerBound(String[] sorted, String key) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid].compareTo(key) < 0) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        long now = System.currentTimeMillis();
        LocalDate today = LocalDate.now();
        if (s != null && now - checkedAt < RECHECK_MILLIS && s.builtFor().equals(today)) return s;
        synchronized (this) {
            s = snapshot;
            long mark = mark();
            if (s == null || s.mark() != mark || !s.builtFor().equals(today)) {
                s = build(mark, today);
                snapshot = s;
            }
            checkedAt = now;
            return s;
        }
    }

    private long mark() {
        Long m = jdbc.queryForObject("SELECT MAX(id) FROM reference_import WHERE status = 'DONE'", Long.class);
        return m == null ? 0 : m;
    }

    private Snapshot build(long mark, LocalDate today) {
        Map<String, List<Version>> byCode = new HashMap<>();
        jdbc.query("SELECT code_system, code, billable, description, valid_from, valid_to FROM code_set_entry", rs -> {
            CodeSystem system;
            try {
                system = CodeSystem.valueOf(rs.getString(1));
            } catch (IllegalArgumentException e) {
                return;
            }
            java.sql.Date to = rs.getDate(6);
            Version v = new Version(system, rs.getString(2), rs.getBoolean(3), rs.getString(4), rs.getDate(5).toLocalDate(), to == null ? null : to.toLocalDate());
            byCode.computeIfAbsent(v.code(), k -> new ArrayList<>(1)).add(v);
        });
        Map<String, Version[]> frozen = new HashMap<>(byCode.size() * 2);
        List<Version> searchable = new ArrayList<>();
        byCode.forEach((code, versions) -> {
            versions.sort(Comparator.comparing(Version::from));
            frozen.put(code, versions.toArray(Version[]::new));
            for (CodeSystem system : SEARCHED) {
                Version pick = null;
                for (Version v : versions) {
                    if (v.system() != system) continue;
                    if (v.validOn(today)) pick = v;
                    else if (pick == null && v.from().isAfter(today)) pick = v;
                }
                if (pick != null) searchable.add(pick);
            }
        });
        searchable.sort(Comparator.comparing(Version::code).thenComparing(Version::system));
        Version[] docs = searchable.toArray(Version[]::new);
        String[] codes = new String[docs.length];
        TreeMap<String, List<Integer>> index = new TreeMap<>();
        for (int i = 0; i < docs.length; i++) {
            codes[i] = docs[i].code();
            for (String w : tokens(docs[i].description() == null ? "" : docs[i].description())) {
                List<Integer> p = index.computeIfAbsent(w, k -> new ArrayList<>());
                if (p.isEmpty() || p.get(p.size() - 1) != i) p.add(i);
            }
        }
        String[] words = index.keySet().toArray(String[]::new);
        int[][] postings = new int[words.length][];
        int w = 0;
        for (List<Integer> p : index.values()) postings[w++] = p.stream().mapToInt(Integer::intValue).toArray();
        return new Snapshot(frozen, docs, codes, words, postings, mark, today);
    }

    /** For tests and the benchmark: the words indexed. */
    public int wordCount() {
        return current().words().length;
    }
}
