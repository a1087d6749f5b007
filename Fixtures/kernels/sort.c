// sort(n): fills n 32-bit words of linear memory from the xorshift32 generator (13, 17, 5)
// seeded with 2463534242, sorts them as unsigned numbers with quicksort (median of three,
// insertion sort below 16 elements), and returns the checksum sum(a[i] * (i + 1)) mod 2^32
// of the sorted array, or -1 if it is not sorted or memory cannot grow.
#include "memory.h"

typedef unsigned int u32;

static void insertion_sort(u32 *a, int lo, int hi) {
    for (int i = lo + 1; i <= hi; i++) {
        u32 v = a[i];
        int j = i - 1;
        while (j >= lo && a[j] > v) {
            a[j + 1] = a[j];
            j--;
        }
        a[j + 1] = v;
    }
}

static void swap(u32 *a, int i, int j) {
    u32 t = a[i];
    a[i] = a[j];
    a[j] = t;
}

static void quicksort(u32 *a, int lo, int hi) {
    while (hi - lo >= 16) {
        int mid = lo + (hi - lo) / 2;
        if (a[mid] < a[lo]) swap(a, mid, lo);
        if (a[hi] < a[lo]) swap(a, hi, lo);
        if (a[hi] < a[mid]) swap(a, hi, mid);
        u32 pivot = a[mid];
        int i = lo, j = hi;
        while (i <= j) {
            while (a[i] < pivot) i++;
            while (a[j] > pivot) j--;
            if (i <= j) {
                swap(a, i, j);
                i++;
                j--;
            }
        }
        // Recurse into the smaller side, loop on the larger: depth stays O(log n).
        if (j - lo < hi - i) {
            quicksort(a, lo, j);
            lo = i;
        } else {
            quicksort(a, i, hi);
            hi = j;
        }
    }
    insertion_sort(a, lo, hi);
}

int sort(int n) {
    if (n <= 0) return 0;
    u32 *a = reserve((unsigned long)n * 4);
    if (!a) return -1;
    u32 x = 2463534242u;
    for (int i = 0; i < n; i++) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        a[i] = x;
    }
    quicksort(a, 0, n - 1);
    u32 checksum = 0;
    for (int i = 0; i < n; i++) {
        if (i > 0 && a[i - 1] > a[i]) return -1;
        checksum += a[i] * (u32)(i + 1);
    }
    return (int)checksum;
}
