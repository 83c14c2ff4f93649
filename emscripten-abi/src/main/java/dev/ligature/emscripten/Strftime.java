package dev.ligature.emscripten;

import dev.ligature.core.runtime.Memory;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;

/**
 * strftime as Emscripten 3.1.x implements it in JavaScript (the C locale): the composite
 * conversions (%c, %D, %F, %r, %R, %T, %x, %X, and the E/O modifiers) expand first, then each
 * single conversion. Returns the length, or 0 when the result (with its NUL) exceeds maxsize.
 */
final class Strftime {
    private Strftime() {}

    private static final String[] DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};

    static long call(EmProcess p, long s, long maxsize, long format, long tmPtr) {
        Memory m = p.memory;
        Tm tm = new Tm(m.loadI32(tmPtr + TimeImports.TM_SEC), m.loadI32(tmPtr + TimeImports.TM_MIN),
                m.loadI32(tmPtr + TimeImports.TM_HOUR), m.loadI32(tmPtr + TimeImports.TM_MDAY),
                m.loadI32(tmPtr + TimeImports.TM_MON), m.loadI32(tmPtr + TimeImports.TM_YEAR),
                m.loadI32(tmPtr + TimeImports.TM_WDAY), m.loadI32(tmPtr + TimeImports.TM_YDAY),
                m.loadI32(tmPtr + TimeImports.TM_GMTOFF), zone(p, m.loadI32(tmPtr + TimeImports.TM_ZONE) & 0xFFFFFFFFL));
        String out = format(p.cString(format), tm);
        byte[] b = out.getBytes(StandardCharsets.UTF_8);
        if (b.length + 1 > maxsize) {
            return 0;
        }
        m.write(s, b);
        m.storeI8(s + b.length, (byte) 0);
        return b.length;
    }

    private static String zone(EmProcess p, long ptr) {
        return ptr == 0 ? "" : p.cString(ptr);
    }

    record Tm(int sec, int min, int hour, int mday, int mon, int year, int wday, int yday, int gmtoff, String zone) {}

    static String format(String pattern, Tm tm) {
        String expanded = pattern;
        String[][] composite = {
            {"%c", "%a %b %d %H:%M:%S %Y"}, {"%D", "%m/%d/%y"}, {"%F", "%Y-%m-%d"}, {"%h", "%b"},
            {"%r", "%I:%M:%S %p"}, {"%R", "%H:%M"}, {"%T", "%H:%M:%S"}, {"%x", "%m/%d/%y"}, {"%X", "%H:%M:%S"},
            {"%Ec", "%c"}, {"%EC", "%C"}, {"%Ex", "%m/%d/%y"}, {"%EX", "%H:%M:%S"}, {"%Ey", "%y"}, {"%EY", "%Y"},
            {"%Od", "%d"}, {"%Oe", "%e"}, {"%OH", "%H"}, {"%OI", "%I"}, {"%Om", "%m"}, {"%OM", "%M"}, {"%OS", "%S"},
            {"%Ou", "%u"}, {"%OU", "%U"}, {"%OV", "%V"}, {"%Ow", "%w"}, {"%OW", "%W"}, {"%Oy", "%y"},
        };
        for (String[] rule : composite) {
            expanded = expanded.replace(rule[0], rule[1]);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < expanded.length(); i++) {
            char c = expanded.charAt(i);
            if (c != '%' || i + 1 >= expanded.length()) {
                sb.append(c);
                continue;
            }
            String v = conversion(expanded.charAt(i + 1), tm);
            if (v == null) {
                sb.append(c); // unknown conversion: left as written
                continue;
            }
            sb.append(v);
            i++;
        }
        return sb.toString();
    }

    private static String pad(long v, int width, char fill) {
        StringBuilder s = new StringBuilder(Long.toString(v));
        while (s.length() < width) {
            s.insert(0, fill);
        }
        return s.toString();
    }

    private static boolean leap(int year) {
        return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    private static String conversion(char c, Tm tm) {
        int year = tm.year() + 1900;
        return switch (c) {
            case 'a' -> DAYS[Math.floorMod(tm.wday(), 7)].substring(0, 3);
            case 'A' -> DAYS[Math.floorMod(tm.wday(), 7)];
            case 'b' -> MONTHS[Math.floorMod(tm.mon(), 12)].substring(0, 3);
            case 'B' -> MONTHS[Math.floorMod(tm.mon(), 12)];
            case 'C' -> pad(year / 100, 2, '0');
            case 'd' -> pad(tm.mday(), 2, '0');
            case 'e' -> pad(tm.mday(), 2, ' ');
            case 'g' -> Integer.toString(weekBasedYear(tm)).substring(2);
            case 'G' -> Integer.toString(weekBasedYear(tm));
            case 'H' -> pad(tm.hour(), 2, '0');
            case 'I' -> pad(tm.hour() == 0 ? 12 : tm.hour() > 12 ? tm.hour() - 12 : tm.hour(), 2, '0');
            case 'j' -> pad(tm.mday() + daysBeforeMonth(year, tm.mon()), 3, '0');
            case 'm' -> pad(tm.mon() + 1, 2, '0');
            case 'M' -> pad(tm.min(), 2, '0');
            case 'n' -> "\n";
            case 'p' -> tm.hour() >= 0 && tm.hour() < 12 ? "AM" : "PM";
            case 'S' -> pad(tm.sec(), 2, '0');
            case 't' -> "\t";
            case 'u' -> Integer.toString(tm.wday() == 0 ? 7 : tm.wday());
            case 'U' -> pad(weekOfYear(tm, DayOfWeek.SUNDAY), 2, '0');
            case 'V' -> pad(date(tm).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2, '0');
            case 'w' -> Integer.toString(tm.wday());
            case 'W' -> pad(weekOfYear(tm, DayOfWeek.MONDAY), 2, '0');
            case 'y' -> Integer.toString(year).substring(2);
            case 'Y' -> Integer.toString(year);
            case 'z' -> {
                int off = Math.abs(tm.gmtoff()) / 60;
                yield (tm.gmtoff() >= 0 ? "+" : "-") + pad(off / 60 * 100 + off % 60, 4, '0');
            }
            case 'Z' -> tm.zone();
            case '%' -> "%";
            default -> null;
        };
    }

    private static int daysBeforeMonth(int year, int mon) {
        int[] days = {31, leap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        int sum = 0;
        for (int i = 0; i < mon && i < 12; i++) {
            sum += days[i];
        }
        return sum;
    }

    private static LocalDate date(Tm tm) {
        return LocalDate.of(tm.year() + 1900, 1, 1).plusMonths(tm.mon()).plusDays(tm.mday() - 1L);
    }

    /** %U / %W: weeks starting on {@code first}; days before the first such day are week 0. */
    private static int weekOfYear(Tm tm, DayOfWeek first) {
        LocalDate d = date(tm);
        LocalDate jan1 = d.withDayOfYear(1);
        int shift = Math.floorMod(first.getValue() - jan1.getDayOfWeek().getValue(), 7);
        LocalDate firstDay = jan1.plusDays(shift);
        if (d.isBefore(firstDay)) {
            return 0;
        }
        return (int) ((d.toEpochDay() - firstDay.toEpochDay()) / 7) + 1;
    }

    private static int weekBasedYear(Tm tm) {
        return LocalDate.of(tm.year() + 1900, 1, 1).plusDays(tm.yday()).get(IsoFields.WEEK_BASED_YEAR);
    }
}
