# datetime with fixed datetimes and fixed-offset time zones (Pyodide's stdlib has zoneinfo but no tzdata).
from datetime import datetime, date, time, timedelta, timezone
d = datetime(2024, 2, 29, 13, 45, 30, 123456)
print(d, repr(d), d.isoformat(), d.isoformat(sep=" ", timespec="milliseconds"))
print(d.strftime("%Y-%m-%d %H:%M:%S.%f %a %A %b %B %j %U %W %p %I %y %%"), d.weekday(), d.isoweekday(), d.isocalendar())
print(d + timedelta(days=1, hours=12), d - datetime(2000, 1, 1), timedelta(days=-1, seconds=5), timedelta(weeks=3) / 7)
print(timedelta(hours=25).total_seconds(), timedelta(microseconds=1) * 1000000, divmod(timedelta(hours=5), timedelta(hours=2)))
cet = timezone(timedelta(hours=1), "CET")
ist = timezone(timedelta(hours=5, minutes=30))
aware = datetime(2024, 3, 31, 1, 30, tzinfo=cet)
print(aware, aware.utcoffset(), aware.tzname(), aware.astimezone(timezone.utc), aware.astimezone(ist), ist.tzname(None))
print(aware.timestamp(), datetime.fromtimestamp(0, timezone.utc), datetime.fromtimestamp(1700000000, ist))
print(datetime.fromisoformat("2024-02-29T13:45:30.5+02:00"), datetime.fromisoformat("2011-11-04T00:05:23Z"), date.fromisoformat("2024-W09-4"))
print(datetime.strptime("03/04/21 10:20:30 PM", "%m/%d/%y %I:%M:%S %p"), datetime.strptime("2024-060", "%Y-%j").date())
print(date(2024, 1, 1).toordinal(), date.fromordinal(738000), date(2023, 12, 31) < date(2024, 1, 1), date(2024, 5, 17).replace(day=1))
print(time(23, 59, 59, 999999), time(7, 5).isoformat(), time(12, tzinfo=ist).utcoffset(), str(timezone(-timedelta(hours=3))))
print(datetime(2024, 1, 1, tzinfo=timezone.utc) == datetime(2024, 1, 1, 1, tzinfo=cet), datetime.min, datetime.max)
print(sorted([datetime(2024, 1, 1, 12, tzinfo=cet), datetime(2024, 1, 1, 11, 30, tzinfo=timezone.utc)]))
try:
    datetime(2023, 2, 29)
except ValueError as e:
    print("ValueError:", e)
try:
    datetime(2024, 1, 1) < aware
except TypeError as e:
    print("TypeError:", e)
import zoneinfo
try:
    zoneinfo.ZoneInfo("Europe/Paris")
    print("zoneinfo: tz data found")
except zoneinfo.ZoneInfoNotFoundError:
    print("zoneinfo: no tz data")
