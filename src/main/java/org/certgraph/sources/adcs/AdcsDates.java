package org.certgraph.sources.adcs;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates of a certutil export. certutil prints them in the CA server's regional short
 * format without a time zone: 12/31/2026 3:04 PM (United States), 31.12.2026 15:04 (Germany),
 * 31/12/2026 15:04 (France, United Kingdom), 2026-12-31 15:04 (ISO style). Whether the day or
 * the month comes first is decided from the data by {@link Evidence}, or given as a java.time
 * pattern. The times are taken as UTC.
 */
final class AdcsDates {

    /** Which of the first two numbers of a date is the day. */
    enum Order { DAY_FIRST, MONTH_FIRST, YEAR_FIRST }

    private static final Pattern SHAPE = Pattern.compile(
            "(\\d{1,4})([./-])(\\d{1,2})\\2(\\d{1,4}),?\\s+(\\d{1,2})[:.](\\d{2})"
                    + "(?:[:.](\\d{2}))?\\s*(?:([AaPp])\\.?\\s?[Mm]\\.?)?");

    private final Order order;
    private final DateTimeFormatter formatter;
    private final String pattern;

    private AdcsDates(Order order, DateTimeFormatter formatter, String pattern) {
        this.order = order;
        this.formatter = formatter;
        this.pattern = pattern;
    }

    /** Dates read in the order given (the year-first shape is always understood too). */
    static AdcsDates ofOrder(Order order) {
        return new AdcsDates(order, null, null);
    }

    /**
     * Dates read with a java.time pattern such as {@code dd/MM/yyyy HH:mm}.
     *
     * @throws IllegalArgumentException when the pattern is not a valid java.time pattern
     */
    static AdcsDates ofPattern(String pattern) {
        DateTimeFormatter formatter = new DateTimeFormatterBuilder().parseCaseInsensitive()
                .appendPattern(pattern).toFormatter(Locale.US);
        return new AdcsDates(null, formatter, pattern);
    }

    /** How the dates are read, for messages: a pattern such as d/M/yyyy H:mm. */
    String describe() {
        if (pattern != null) {
            return pattern;
        }
        return switch (order) {
            case DAY_FIRST -> "day/month/year hour:minute";
            case MONTH_FIRST -> "month/day/year hour:minute";
            case YEAR_FIRST -> "year-month-day hour:minute";
        };
    }

    /**
     * The instant a cell names, taking its time as UTC.
     *
     * @throws DateTimeException when the cell is not a date in this format
     */
    Instant parse(String cell) {
        String text = cell.trim();
        if (formatter != null) {
            TemporalAccessor value = formatter.parseBest(text, LocalDateTime::from,
                    LocalDate::from);
            LocalDateTime time = value instanceof LocalDate date ? date.atStartOfDay()
                    : (LocalDateTime) value;
            return time.toInstant(ZoneOffset.UTC);
        }
        Matcher m = SHAPE.matcher(text);
        if (!m.matches()) {
            throw new DateTimeException("not a date and time");
        }
        int first = Integer.parseInt(m.group(1));
        int second = Integer.parseInt(m.group(3));
        int third = Integer.parseInt(m.group(4));
        int year;
        int month;
        int day;
        if (m.group(1).length() == 4) {
            year = first;
            month = second;
            day = third;
        } else {
            year = m.group(4).length() <= 2 ? 2000 + third : third;
            month = order == Order.MONTH_FIRST ? first : second;
            day = order == Order.MONTH_FIRST ? second : first;
        }
        int hour = Integer.parseInt(m.group(5));
        if (m.group(8) != null) {
            if (hour < 1 || hour > 12) {
                throw new DateTimeException("hour " + hour + " with AM/PM");
            }
            boolean pm = Character.toUpperCase(m.group(8).charAt(0)) == 'P';
            hour = hour % 12 + (pm ? 12 : 0);
        }
        int minute = Integer.parseInt(m.group(6));
        int second2 = m.group(7) == null ? 0 : Integer.parseInt(m.group(7));
        return LocalDateTime.of(year, month, day, hour, minute, second2)
                .toInstant(ZoneOffset.UTC);
    }

    /** Looks at every date of a file to decide whether the day or the month comes first. */
    static final class Evidence {
        private String dayFirst;
        private long dayFirstRow;
        private String monthFirst;
        private long monthFirstRow;
        private boolean undecided;
        private boolean allDotted = true;
        private String example;
        private long exampleRow;

        /** Notes one date cell of data row {@code row}; cells of other shapes are skipped. */
        void see(String cell, long row) {
            Matcher m = SHAPE.matcher(cell.trim());
            if (!m.matches() || m.group(1).length() == 4) {
                return;
            }
            int first = Integer.parseInt(m.group(1));
            int second = Integer.parseInt(m.group(3));
            if (first > 12 && second <= 12) {
                if (dayFirst == null) {
                    dayFirst = cell.trim();
                    dayFirstRow = row;
                }
            } else if (second > 12 && first <= 12) {
                if (monthFirst == null) {
                    monthFirst = cell.trim();
                    monthFirstRow = row;
                }
            } else {
                undecided = true;
                if (example == null) {
                    example = cell.trim();
                    exampleRow = row;
                }
            }
            if (!".".equals(m.group(2))) {
                allDotted = false;
            }
        }

        /**
         * The order the file uses. Dates with dots (31.12.2026) are day first wherever they
         * are written that way.
         *
         * @throws IllegalStateException with a sentence saying why when the order cannot be
         *     decided or the dates contradict each other
         */
        Order decide() {
            if (dayFirst != null && monthFirst != null) {
                throw new IllegalStateException("its dates contradict each other: row "
                        + dayFirstRow + " has \"" + dayFirst + "\" (day first) and row "
                        + monthFirstRow + " has \"" + monthFirst + "\" (month first)");
            }
            if (dayFirst != null) {
                return Order.DAY_FIRST;
            }
            if (monthFirst != null) {
                return Order.MONTH_FIRST;
            }
            if (!undecided) {
                return Order.YEAR_FIRST;
            }
            if (allDotted) {
                return Order.DAY_FIRST;
            }
            throw new IllegalStateException("whether its dates put the day or the month first"
                    + " cannot be told: every date, such as \"" + example + "\" in row "
                    + exampleRow + ", reads both ways");
        }
    }
}
