package dev.ligature.emscripten;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** strftime conversions on dates whose week numbers are known from the calendar. */
class StrftimeTest {
    /** 2024-01-01 00:05:09, a Monday, day 0 of a leap year. */
    private static final Strftime.Tm NEW_YEAR_2024 = new Strftime.Tm(9, 5, 0, 1, 0, 124, 1, 0, 3600, "CET");
    /** 2021-01-03 13:00:00, a Sunday that ISO counts in week 53 of 2020. */
    private static final Strftime.Tm JAN3_2021 = new Strftime.Tm(0, 0, 13, 3, 0, 121, 0, 2, -18000, "EST");

    @Test
    void numbersAndNames() {
        assertEquals("2024-01-01 00:05:09 Mon Monday Jan January",
                Strftime.format("%Y-%m-%d %H:%M:%S %a %A %b %B", NEW_YEAR_2024));
        assertEquals("001 12 AM 24 20  1 1 1", Strftime.format("%j %I %p %y %C %e %u %w", NEW_YEAR_2024));
        assertEquals("+0100 CET %", Strftime.format("%z %Z %%", NEW_YEAR_2024));
        assertEquals("-0500 01 PM 7", Strftime.format("%z %I %p %u", JAN3_2021));
    }

    @Test
    void weekNumbers() {
        // 2024-01-01 is a Monday: no Sunday yet (%U 00), first Monday (%W 01), ISO week 1 of 2024.
        assertEquals("00 01 01 2024 24", Strftime.format("%U %W %V %G %g", NEW_YEAR_2024));
        // 2021-01-03 is the year's first Sunday (%U 01), no Monday yet (%W 00), ISO week 53 of 2020.
        assertEquals("01 00 53 2020", Strftime.format("%U %W %V %G", JAN3_2021));
    }

    @Test
    void compositeConversions() {
        assertEquals("01/01/24 00:05:09 2024-01-01 00:05", Strftime.format("%D %T %F %R", NEW_YEAR_2024));
        assertEquals("Mon Jan 01 00:05:09 2024", Strftime.format("%c", NEW_YEAR_2024));
    }
}
