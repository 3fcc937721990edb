package dev.promptwise.core.syntax;

import dev.promptwise.core.text.TextRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the sections of a prompt's text: Markdown ATX headings ({@code #} to {@code ######}, outside fenced code
 * blocks) and Dotprompt {@code {{section "name"}}} markers, so that the editor can list them as symbols and price
 * each one in a hover.
 */
public final class Sections {

    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*))?$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
    /** A section marker, or any tag that ends a section: another section tag or a role marker. */
    private static final Pattern TEMPLATE_BOUNDARY = Pattern.compile(
            "\\{\\{~?\\s*([#/]?)\\s*(section|role)\\b(?:\\s+(?:\"([^\"\\r\\n]*)\"|'([^'\\r\\n]*)'))?[^}\\r\\n]{0,500}}}");

    private Sections() {}

    /**
     * Returns the sections inside {@code within} ({@code text}'s body, without front matter), in text order;
     * a heading comes before a marker at the same offset. Returns an empty list when there are none.
     */
    public static List<Section> find(String text, TextRange within) {
        List<Section> sections = new ArrayList<>(headings(text, within));
        sections.addAll(markers(text, within));
        sections.sort(Comparator.comparingInt((Section section) -> section.range().start())
                .thenComparing(Section::level, Comparator.reverseOrder()));
        return sections;
    }

    private static List<Section> headings(String text, TextRange within) {
        List<int[]> found = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        String fence = null;
        int position = within.start();
        while (position < within.end()) {
            int end = position;
            while (end < within.end() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            char first = firstNonSpace(text, position, end);
            String line = first == '#' || first == '`' || first == '~' ? text.substring(position, end) : "";
            Matcher fenceMatcher = FENCE.matcher(line);
            if (first != '#' && fenceMatcher.lookingAt()) {
                String marks = fenceMatcher.group(1);
                if (fence == null) {
                    fence = marks;
                } else if (marks.charAt(0) == fence.charAt(0) && marks.length() >= fence.length()
                        && line.strip().length() == marks.length()) {
                    fence = null;
                }
            } else if (fence == null && first == '#') {
                Matcher heading = HEADING.matcher(line);
                if (heading.matches()) {
                    String raw = heading.group(2) == null ? "" : heading.group(2);
                    String title = withoutClosingMarks(raw);
                    if (!title.isEmpty()) {
                        int titleStart = position + heading.start(2) + raw.indexOf(title);
                        found.add(new int[] {position, heading.group(1).length(), titleStart});
                        titles.add(title);
                    }
                }
            }
            int next = end;
            if (next < within.end() && text.charAt(next) == '\r') {
                next++;
            }
            if (next < within.end() && text.charAt(next) == '\n') {
                next++;
            }
            if (next == end) {
                break;
            }
            position = next;
        }
        Section[] sections = new Section[found.size()];
        int[] nextStartByLevel = new int[7];
        Arrays.fill(nextStartByLevel, within.end());
        for (int i = found.size() - 1; i >= 0; i--) {
            int[] heading = found.get(i);
            int level = heading[1];
            int end = within.end();
            for (int higher = 1; higher <= level; higher++) {
                end = Math.min(end, nextStartByLevel[higher]);
            }
            nextStartByLevel[level] = heading[0];
            String title = titles.get(i);
            sections[i] = new Section(title, level, new TextRange(heading[0], end),
                    new TextRange(heading[2], heading[2] + title.length()));
        }
        return List.of(sections);
    }

    /** Returns the first character of a line after up to three spaces, or 0 when there is none. */
    private static char firstNonSpace(String text, int start, int end) {
        int i = start;
        while (i < end && i - start < 3 && text.charAt(i) == ' ') {
            i++;
        }
        return i < end ? text.charAt(i) : 0;
    }

    /** Returns a heading's text without a closing run of {@code #} marks and surrounding spaces. */
    private static String withoutClosingMarks(String raw) {
        String title = raw.strip();
        int end = title.length();
        while (end > 0 && title.charAt(end - 1) == '#') {
            end--;
        }
        if (end == 0) {
            return "";
        }
        if (end < title.length() && (title.charAt(end - 1) == ' ' || title.charAt(end - 1) == '\t')) {
            return title.substring(0, end).strip();
        }
        return title;
    }

    private static List<Section> markers(String text, TextRange within) {
        List<Section> sections = new ArrayList<>();
        Matcher matcher = TEMPLATE_BOUNDARY.matcher(text).region(within.start(), within.end());
        int openStart = -1;
        String openTitle = null;
        TextRange openTitleRange = null;
        while (matcher.find()) {
            if (openStart >= 0) {
                sections.add(new Section(openTitle, 0, new TextRange(openStart, matcher.start()), openTitleRange));
                openStart = -1;
            }
            int nameGroup = matcher.group(3) != null ? 3 : 4;
            if (matcher.group(1).isEmpty() && matcher.group(2).equals("section") && matcher.group(nameGroup) != null) {
                openStart = matcher.start();
                openTitle = matcher.group(nameGroup);
                openTitleRange = new TextRange(matcher.start(nameGroup), matcher.end(nameGroup));
            }
        }
        if (openStart >= 0) {
            sections.add(new Section(openTitle, 0, new TextRange(openStart, within.end()), openTitleRange));
        }
        return sections;
    }
}
