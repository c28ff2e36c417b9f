package org.bordercustody.person;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A person's names as they are compared: given and family names together, in no order, without accents or case,
 * a compound family name split at its hyphens ("García López" and "Garcia-Lopez" are the same two names).
 * Two names are the same name with one typo (a letter wrong, missing, extra or two swapped), when the longer of
 * the two has at least {@link #TYPO_MIN_LENGTH} letters: "Ana" never becomes "Ada".
 */
public record PersonName(List<String> parts) {

    public static final int TYPO_MIN_LENGTH = 4;
    /** A longer name part is not a name: search keys are made of at most this many letters. */
    public static final int MAX_PART_LENGTH = 40;
    /** A name of more parts than this is cut there; no search key comes of its further parts. */
    public static final int MAX_PARTS = 8;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.]+");
    private static final Pattern DROPPED = Pattern.compile("['’`´]");
    /** Latin letters that do not decompose into a base letter and a mark. */
    private static final Map<String, String> UNDECOMPOSED = Map.of("ß", "ss", "æ", "ae", "œ", "oe", "ø", "o",
            "ł", "l", "đ", "d", "ð", "d", "þ", "th", "ı", "i");

    public PersonName {
        parts = List.copyOf(parts);
    }

    public static PersonName of(String familyName, String givenNames) {
        return parse((givenNames == null ? "" : givenNames) + " " + (familyName == null ? "" : familyName));
    }

    /** A name as someone typed it into a search: its words in any order. */
    public static PersonName parse(String text) {
        String folded = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD);
        folded = MARKS.matcher(folded).replaceAll("").toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> letter : UNDECOMPOSED.entrySet()) {
            folded = folded.replace(letter.getKey(), letter.getValue());
        }
        folded = DROPPED.matcher(folded).replaceAll("");
        List<String> parts = new ArrayList<>();
        for (String part : SEPARATORS.split(folded.strip())) {
            if (!part.isEmpty() && parts.size() < MAX_PARTS) {
                parts.add(part.length() > MAX_PART_LENGTH ? part.substring(0, MAX_PART_LENGTH) : part);
            }
        }
        return new PersonName(parts);
    }

    public boolean isEmpty() {
        return parts.isEmpty();
    }

    /**
     * The keys under which this name is found with one typo: each part, and each part with one letter left out.
     * Two parts within one typo of each other always share a key.
     */
    public Set<String> searchKeys() {
        Set<String> keys = new LinkedHashSet<>();
        for (String part : parts) {
            keys.addAll(keysOf(part));
        }
        return keys;
    }

    /** The keys one part of a searched name is looked up by. */
    public static Set<String> keysOf(String part) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(part);
        if (part.length() >= TYPO_MIN_LENGTH) {
            for (int i = 0; i < part.length(); i++) {
                keys.add(part.substring(0, i) + part.substring(i + 1));
            }
        }
        return keys;
    }

    /**
     * How well every part of {@code wanted} is found among this name's parts, each part used once: null when one is
     * not found, else the number of typos it took.
     */
    public Integer typosToFind(PersonName wanted) {
        return assign(wanted.parts, new ArrayList<>(parts));
    }

    /**
     * Whether two recorded names are probably one person's: all parts of the shorter one found in the longer, with
     * one typo each at most, a given name missing at most, and two parts at least.
     */
    public boolean probablySameAs(PersonName other) {
        PersonName shorter = parts.size() <= other.parts.size() ? this : other;
        PersonName longer = shorter == this ? other : this;
        return shorter.parts.size() >= 2 && longer.parts.size() - shorter.parts.size() <= 1
                && longer.typosToFind(shorter) != null;
    }

    /** The fewest typos with which each wanted part is matched to a distinct available part, or null. */
    private static Integer assign(List<String> wanted, List<String> available) {
        if (wanted.isEmpty()) {
            return 0;
        }
        String first = wanted.get(0);
        List<String> rest = wanted.subList(1, wanted.size());
        Integer best = null;
        for (int i = 0; i < available.size(); i++) {
            int typos = typos(first, available.get(i));
            if (typos > 1) {
                continue;
            }
            List<String> remaining = new ArrayList<>(available);
            remaining.remove(i);
            Integer others = assign(rest, remaining);
            if (others != null && (best == null || typos + others < best)) {
                best = typos + others;
            }
        }
        return best;
    }

    /** 0 for the same part, 1 for one typo apart, 2 for anything further. */
    static int typos(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        if (Math.max(a.length(), b.length()) < TYPO_MIN_LENGTH || Math.abs(a.length() - b.length()) > 1) {
            return 2;
        }
        int start = 0;
        while (start < Math.min(a.length(), b.length()) && a.charAt(start) == b.charAt(start)) {
            start++;
        }
        if (a.length() != b.length()) {
            String longer = a.length() > b.length() ? a : b;
            String shorter = longer == a ? b : a;
            return longer.substring(start + 1).equals(shorter.substring(start)) ? 1 : 2;
        }
        if (a.substring(start + 1).equals(b.substring(start + 1))) {
            return 1;
        }
        boolean swapped = start + 1 < a.length() && a.charAt(start) == b.charAt(start + 1)
                && a.charAt(start + 1) == b.charAt(start) && a.substring(start + 2).equals(b.substring(start + 2));
        return swapped ? 1 : 2;
    }

    @Override
    public String toString() {
        return String.join(" ", parts);
    }
}
