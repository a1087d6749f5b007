// sieve(n): how many primes are <= n, by the sieve of Eratosthenes over a byte array in linear
// memory (n + 1 bytes, grown on demand). Returns -1 if memory cannot grow.
#include "memory.h"

int sieve(int n) {
    if (n < 2) return 0;
    unsigned char *composite = reserve((unsigned long)n + 1);
    if (!composite) return -1;
    for (int i = 0; i <= n; i++) composite[i] = 0;
    int count = 0;
    for (int i = 2; i <= n; i++) {
        if (composite[i]) continue;
        count++;
        if (i > n / i) continue;  // i * i > n: nothing left to strike
        for (unsigned j = (unsigned)i * i; j <= (unsigned)n; j += i) composite[j] = 1;
    }
    return count;
}
