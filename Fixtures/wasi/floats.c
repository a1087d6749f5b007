/* Formatted floating point: printf's conversions at many precisions, special values, parsing
 * round trips, and arithmetic whose results IEEE 754 fixes exactly. Transcendental functions,
 * whose last bits may differ between C libraries, are printed to 12 digits. */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    const double values[] = {0.0, -0.0, 1.0, -1.5, 0.1, 1.0 / 3.0, 2.0 / 3.0, 123456.789, 1e-7, 6.02214076e23,
                             DBL_MAX, DBL_MIN, 5e-324, 0.5, 2.5, 1e15 + 0.3, 9007199254740993.0};
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        double v = values[i];
        printf("%%f %f | %%.2f %.2f | %%e %e | %%g %g | %%.17g %.17g\n", v, v, v, v, v);
    }
    printf("rounding: %.0f %.0f %.0f %.0f %.1f %.1f\n", 0.5, 1.5, 2.5, -2.5, 0.25, 0.35);
    printf("widths: [%10.3f] [%-10.3f] [%+.3e] [%010.2f] [%#.0f] [%#g]\n", 3.14159, 3.14159, 31415.9, -2.5, 3.0, 1.0);
    printf("special: %f %f %f %e %g %F\n", INFINITY, -INFINITY, NAN, INFINITY, -NAN, INFINITY);
    printf("hex: %a %a %a %A\n", 1.0, 0.5, -10.25, 255.0);
    const float floats[] = {0.1f, 1.0f / 3.0f, 16777217.0f, FLT_MAX, FLT_MIN};
    for (size_t i = 0; i < sizeof floats / sizeof floats[0]; i++) printf("float %.9g %g\n", floats[i], floats[i]);

    const char *texts[] = {"3.14159", "1e308", "1e309", "-0", "0x1.8p3", "2.2250738585072011e-308", "nan", "-inf", "  42abc"};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        char *end;
        double parsed = strtod(texts[i], &end);
        printf("strtod(\"%s\") = %.17g, %d characters used\n", texts[i], parsed, (int)(end - texts[i]));
    }
    int roundTrips = 0;
    double x = 0.1;
    for (int i = 0; i < 500; i++) {
        char text[40];
        snprintf(text, sizeof text, "%.17g", x);
        if (strtod(text, NULL) == x) roundTrips++;
        x = x * 1.37 + 1e-3;
    }
    printf("%d of 500 values survive %%.17g and strtod\n", roundTrips);

    printf("exact: sqrt(2) %.17g, fma(0.1,10,-1) %.17g, fmod(10.5,3) %g, floor(-2.5) %g, ceil(-2.5) %g, round(2.5) %g, trunc(-2.7) %g\n",
           sqrt(2.0), fma(0.1, 10.0, -1.0), fmod(10.5, 3.0), floor(-2.5), ceil(-2.5), round(2.5), trunc(-2.7));
    printf("exact: ldexp(1,-1074) %g, frexp(48) mantissa %g, nextafter(1,2)-1 %.17g, copysign(3,-0.0) %g\n",
           ldexp(1.0, -1074), frexp(48.0, &(int){0}), nextafter(1.0, 2.0) - 1.0, copysign(3.0, -0.0));
    double sum = 0.0;
    for (int i = 1; i <= 20000; i++) sum += 1.0 / ((double)i * i);
    printf("sum of 1/i^2 to 20000: %.17g\n", sum);
    printf("libm: sin(1) %.12g cos(1) %.12g exp(1) %.12g log(10) %.12g pow(2,0.5) %.12g atan2(1,2) %.12g\n",
           sin(1.0), cos(1.0), exp(1.0), log(10.0), pow(2.0, 0.5), atan2(1.0, 2.0));
    printf("int conversions: %d %d %lld %u\n", (int)-2.9, (int)2.9, (long long)1e18, (unsigned)3.99e9);
    return 0;
}
