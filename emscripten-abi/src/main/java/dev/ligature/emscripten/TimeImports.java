package dev.ligature.emscripten;

import dev.ligature.core.runtime.Memory;
import dev.ligature.core.types.NumType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Clocks and calendar functions the way Emscripten's JavaScript computes them with {@code Date}
 * (in the host's time zone, UTC by default): {@code _localtime_js}, {@code _gmtime_js},
 * {@code _mktime_js}, {@code _timegm_js}, {@code _tzset_js}, {@code strftime}, {@code clock_gettime},
 * {@code emscripten_get_now} and friends. struct tm: sec 0, min 4, hour 8, mday 12, mon 16, year
 * 20, wday 24, yday 28, isdst 32, gmtoff 36, zone 40.
 */
final class TimeImports {
    private TimeImports() {}

    static final int TM_SEC = 0;
    static final int TM_MIN = 4;
    static final int TM_HOUR = 8;
    static final int TM_MDAY = 12;
    static final int TM_MON = 16;
    static final int TM_YEAR = 20;
    static final int TM_WDAY = 24;
    static final int TM_YDAY = 28;
    static final int TM_ISDST = 32;
    static final int TM_GMTOFF = 36;
    static final int TM_ZONE = 40;

    /** Runs a calendar computation; a date java.time cannot represent (JavaScript's NaN date) gives -1. */
    private static ImportRegistry.Impl calendar(ImportRegistry.Impl impl) {
        return (p, a) -> {
            try {
                return impl.call(p, a);
            } catch (java.time.DateTimeException | ArithmeticException e) {
                return -1;
            }
        };
    }

    static void register(ImportRegistry r) {
        r.add("emscripten_get_now", (p, a) -> Double.doubleToRawLongBits(p.perfNow()));
        r.add("emscripten_date_now", (p, a) -> Double.doubleToRawLongBits((double) p.nowMillis()));
        r.add("_emscripten_get_now_is_monotonic", (p, a) -> 1);
        r.alias("emscripten_get_now_is_monotonic", "_emscripten_get_now_is_monotonic");
        r.add("emscripten_get_now_res", (p, a) -> Double.doubleToRawLongBits(1000.0));
        r.add("time", (p, a) -> {
            long ptr = a.ptr();
            int now = (int) (p.nowMillis() / 1000);
            if (ptr != 0) {
                p.memory.storeI32(ptr, now);
            }
            return now;
        });
        r.add("gettimeofday", (p, a) -> {
            long ptr = a.ptr();
            long now = p.nowMillis();
            p.memory.storeI32(ptr, (int) (now / 1000));
            p.memory.storeI32(ptr + 4, (int) (now % 1000 * 1000));
            return 0;
        });
        r.add("clock_gettime", (p, a) -> {
            int clock = a.i32();
            long tp = a.ptr();
            double now;
            if (clock == 0) {
                now = p.nowMillis();
            } else if (clock == 1 || clock == 4) {
                now = p.perfNow();
            } else {
                p.setErrno(Errno.EINVAL);
                return -1;
            }
            p.memory.storeI32(tp, (int) (now / 1000));
            p.memory.storeI32(tp + 4, (int) (now % 1000 * 1_000_000));
            return 0;
        });
        r.add("clock", (p, a) -> (long) (p.perfNow() * 1000)); // CLOCKS_PER_SEC is 1000000
        r.add("_gmtime_js", calendar((p, a) -> {
            long t = timeArg(p, a);
            long tm = a.ptr();
            ZonedDateTime d = ZonedDateTime.ofInstant(Instant.ofEpochSecond(t), ZoneOffset.UTC);
            writeFields(p.memory, tm, d);
            return 0;
        }));
        r.add("_localtime_js", calendar((p, a) -> {
            long t = timeArg(p, a);
            long tm = a.ptr();
            ZoneId zone = p.host.zone;
            ZonedDateTime d = ZonedDateTime.ofInstant(Instant.ofEpochSecond(t), zone);
            writeFields(p.memory, tm, d);
            int offset = d.getOffset().getTotalSeconds();
            p.memory.storeI32(tm + TM_GMTOFF, offset);
            int winter = offsetAt(zone, d.getYear(), 1);
            int summer = offsetAt(zone, d.getYear(), 7);
            p.memory.storeI32(tm + TM_ISDST, winter != summer && offset == Math.max(winter, summer) ? 1 : 0);
            return 0;
        }));
        r.add("_mktime_js", calendar((p, a) -> mktime(p, a.ptr(), p.host.zone, true)));
        r.add("_timegm_js", calendar((p, a) -> mktime(p, a.ptr(), ZoneOffset.UTC, false)));
        r.add("_tzset_js", TimeImports::tzset);
        r.add("strftime", (p, a) -> {
            long s = a.ptr();
            long max = a.ptr();
            long format = a.ptr();
            long tm = a.ptr();
            try {
                return Strftime.call(p, s, max, format, tm);
            } catch (java.time.DateTimeException | ArithmeticException e) {
                return 0; // a date outside what can be represented: nothing written
            }
        });
        r.alias("strftime_l", "strftime");
    }

    /** 3.1.x passes a pointer to a 32-bit time_t; later releases pass the 64-bit value (or its two halves). */
    private static long timeArg(EmProcess p, Args a) {
        var params = a.type().params();
        if (params.size() == 2 && params.get(0) == NumType.I32) {
            return p.memory.loadI32(a.ptr());
        }
        return a.i64();
    }

    /** UTC offset in seconds on the first of {@code month} (JavaScript's winter/summer probe). */
    private static int offsetAt(ZoneId zone, int year, int month) {
        return zone.getRules().getOffset(LocalDateTime.of(year, month, 1, 0, 0)).getTotalSeconds();
    }

    private static void writeFields(Memory m, long tm, ZonedDateTime d) {
        m.storeI32(tm + TM_SEC, d.getSecond());
        m.storeI32(tm + TM_MIN, d.getMinute());
        m.storeI32(tm + TM_HOUR, d.getHour());
        m.storeI32(tm + TM_MDAY, d.getDayOfMonth());
        m.storeI32(tm + TM_MON, d.getMonthValue() - 1);
        m.storeI32(tm + TM_YEAR, d.getYear() - 1900);
        m.storeI32(tm + TM_WDAY, d.getDayOfWeek().getValue() % 7);
        ZonedDateTime start = d.toLocalDate().withDayOfYear(1).atStartOfDay(d.getZone());
        long yday = (d.toInstant().toEpochMilli() - start.toInstant().toEpochMilli()) / 86_400_000L;
        m.storeI32(tm + TM_YDAY, (int) yday);
    }

    /**
     * mktime/timegm: the fields normalised as JavaScript's Date constructor does (months, days,
     * hours... may overflow), tm_isdst resolved like Emscripten's runtime, the fields rewritten.
     */
    private static long mktime(EmProcess p, long tm, ZoneId zone, boolean local) {
        Memory m = p.memory;
        LocalDateTime ldt = LocalDateTime.of(m.loadI32(tm + TM_YEAR) + 1900, 1, 1, 0, 0)
                .plusMonths(m.loadI32(tm + TM_MON))
                .plusDays(m.loadI32(tm + TM_MDAY) - 1L)
                .plusHours(m.loadI32(tm + TM_HOUR))
                .plusMinutes(m.loadI32(tm + TM_MIN))
                .plusSeconds(m.loadI32(tm + TM_SEC));
        ZonedDateTime d = ZonedDateTime.ofLocal(ldt, zone, null);
        if (local) {
            int dst = m.loadI32(tm + TM_ISDST);
            int guessed = d.getOffset().getTotalSeconds();
            int winter = offsetAt(zone, d.getYear(), 1);
            int summer = offsetAt(zone, d.getYear(), 7);
            int dstOffset = Math.max(winter, summer);
            if (dst < 0) {
                m.storeI32(tm + TM_ISDST, summer != winter && dstOffset == guessed ? 1 : 0);
            } else if ((dst > 0) != (dstOffset == guessed)) {
                int nonDst = Math.min(winter, summer);
                int trueOffset = dst > 0 ? dstOffset : nonDst;
                d = ZonedDateTime.ofInstant(d.toInstant().minusSeconds(trueOffset - guessed), zone);
            }
        }
        writeFields(m, tm, d);
        long t = d.toEpochSecond();
        return t;
    }

    private static long tzset(EmProcess p, Args a) {
        ZoneId zone = p.host.zone;
        int year = ZonedDateTime.ofInstant(Instant.ofEpochMilli(p.nowMillis()), zone).getYear();
        int winter = offsetAt(zone, year, 1);
        int summer = offsetAt(zone, year, 7);
        long timezonePtr = a.ptr();
        long daylightPtr = a.ptr();
        p.memory.storeI32(timezonePtr, -Math.min(winter, summer));
        p.memory.storeI32(daylightPtr, winter != summer ? 1 : 0);
        String winterName = zoneName(zone, year, 1);
        String summerName = zoneName(zone, year, 7);
        String std = summer < winter ? summerName : winterName;
        String dst = summer < winter ? winterName : summerName;
        if (a.count() >= 4) { // later releases: two buffers of 7 bytes (TZNAME_MAX + 1... as given)
            long stdBuf = a.ptr();
            long dstBuf = a.ptr();
            p.writeCString(stdBuf, truncate(std, 16));
            p.writeCString(dstBuf, truncate(dst, 16));
        } else { // 3.1.x: char *tzname[2], strings allocated with malloc
            long tzname = a.ptr();
            long s = p.malloc(std.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1L);
            p.writeCString(s, std);
            long d = p.malloc(dst.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1L);
            p.writeCString(d, dst);
            p.memory.storeI32(tzname, (int) s);
            p.memory.storeI32(tzname + 4, (int) d);
        }
        return 0;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    /** The long name V8 prints in Date.toTimeString() for en-US, e.g. "Coordinated Universal Time". */
    private static String zoneName(ZoneId zone, int year, int month) {
        if (zone instanceof ZoneOffset o && o.getTotalSeconds() == 0 || zone.getId().equals("UTC") || zone.getId().equals("Z")) {
            return "Coordinated Universal Time";
        }
        TimeZone tz = TimeZone.getTimeZone(zone);
        boolean daylight = zone.getRules().isDaylightSavings(LocalDateTime.of(year, month, 1, 0, 0).atZone(zone).toInstant());
        String name = tz.getDisplayName(daylight, TimeZone.LONG, Locale.US);
        return name != null ? name : zone.getDisplayName(TextStyle.FULL, Locale.US);
    }
}
