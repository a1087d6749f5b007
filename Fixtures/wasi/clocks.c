/* Clocks, checked by their properties (the values differ from run to run), and time formatting
 * of a fixed moment. Prints only what every correct run prints. */
#include <stdint.h>
#include <stdio.h>
#include <time.h>

static int64_t nanoseconds(clockid_t clock) {
    struct timespec now;
    if (clock_gettime(clock, &now) != 0) return -1;
    return (int64_t)now.tv_sec * 1000000000 + now.tv_nsec;
}

static void check(const char *what, int ok) { printf("%s: %s\n", what, ok ? "ok" : "FAILED"); }

int main(void) {
    struct timespec resolution;
    check("monotonic resolution is positive",
          clock_getres(CLOCK_MONOTONIC, &resolution) == 0 && (resolution.tv_sec > 0 || resolution.tv_nsec > 0));
    check("realtime resolution is positive",
          clock_getres(CLOCK_REALTIME, &resolution) == 0 && (resolution.tv_sec > 0 || resolution.tv_nsec > 0));
    check("realtime is after 2020-01-01", nanoseconds(CLOCK_REALTIME) > INT64_C(1577836800) * 1000000000);
    check("time() agrees with realtime", (int64_t)time(NULL) - nanoseconds(CLOCK_REALTIME) / 1000000000 <= 1);
    int64_t previous = nanoseconds(CLOCK_MONOTONIC), decreased = 0;
    for (int i = 0; i < 10000; i++) {
        int64_t now = nanoseconds(CLOCK_MONOTONIC);
        if (now < previous) decreased++;
        previous = now;
    }
    check("monotonic never goes back", decreased == 0);
    int64_t before = nanoseconds(CLOCK_MONOTONIC);
    struct timespec pause = {0, 20000000};
    check("nanosleep(20 ms) succeeds", nanosleep(&pause, NULL) == 0);
    check("at least 20 ms passed", nanoseconds(CLOCK_MONOTONIC) - before >= 20000000);
    check("process CPU time is readable", nanoseconds(CLOCK_PROCESS_CPUTIME_ID) >= 0);

    time_t moment = 1234567890;
    struct tm parts;
    gmtime_r(&moment, &parts);
    char text[128];
    strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S %A %B day %j", &parts);
    printf("%lld is %s UTC\n", (long long)moment, text);
    parts.tm_mday += 40;
    time_t later = timegm(&parts);
    printf("40 days later: %lld\n", (long long)later);
    return 0;
}
