package com.claimflow.x12;

import java.util.List;

/**
 * One segment as read: its id, its number in the interchange (ISA is 1) and its elements, each a list of
 * components (a simple element has one). Element 1 is the first after the id, as the guides number them.
 */
public record X12Segment(String id, int number, List<List<String>> elements) {

    /** The element's first component (or the whole simple element); empty string when absent. */
    public String el(int position) {
        return comp(position, 1);
    }

    /** A component of a composite element, 1-based; empty string when absent. */
    public String comp(int position, int component) {
        if (position < 1 || position > elements.size()) return "";
        List<String> e = elements.get(position - 1);
        return component < 1 || component > e.size() ? "" : e.get(component - 1);
    }

    public List<String> components(int position) {
        return position < 1 || position > elements.size() ? List.of() : elements.get(position - 1);
    }

    public int size() {
        return elements.size();
    }

    public boolean is(String segmentId, int position, String value) {
        return id.equals(segmentId) && el(position).equals(value);
    }

    /** Whole segment as text with the standard delimiters, for messages and logs. */
    public String text() {
        StringBuilder b = new StringBuilder(id);
        for (List<String> e : elements) b.append('*').append(String.join(":", e));
        return b.append('~').toString();
    }
}
