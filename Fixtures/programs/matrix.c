// matrix(n): dense f64 linear algebra on n×n matrices. Fills A and B with pseudo-random values
// in [-1, 1), multiplies them (C = A·B, blocked i-k-j loops), adds n to C's diagonal, factors
// C = P·L·U by Gaussian elimination with partial pivoting, solves C·x = b for b = C·(1, 2, ..., n)
// by forward and back substitution, and computes the determinant's logarithm-free form
// (sign, mantissa sum) and the residual ‖C·x − b‖∞. Returns a checksum of the bits of x, the
// residual, C's trace and the pivot order; 0 if the matrix is singular.
//
// Every operation is an IEEE-754 double operation in a fixed order (no fused multiply-add),
// so the native build and wasm agree bit for bit.
#include "program.h"

#define BLOCK 16

typedef struct {
    u32 n;
    double *a;  // row-major n×n
} Matrix;

static double *row(const Matrix *m, u32 i) { return m->a + i * m->n; }

static double random_unit(u32 *rng) {
    // 24 random bits scaled into [-1, 1): exact in a double.
    return (double)(next_random(rng) >> 8) / 8388608.0 - 1.0;
}

static void fill(Matrix *m, u32 seed) {
    u32 rng = seed;
    for (u32 i = 0; i < m->n * m->n; i++) m->a[i] = random_unit(&rng);
}

static double fabs_(double x) { return x < 0 ? -x : x; }

// C = A·B, in BLOCK×BLOCK tiles, i-k-j order inside a tile so the inner loop streams rows.
static void multiply(const Matrix *a, const Matrix *b, Matrix *c) {
    u32 n = a->n;
    for (u32 i = 0; i < n * n; i++) c->a[i] = 0;
    for (u32 ii = 0; ii < n; ii += BLOCK) {
        u32 i_end = ii + BLOCK < n ? ii + BLOCK : n;
        for (u32 kk = 0; kk < n; kk += BLOCK) {
            u32 k_end = kk + BLOCK < n ? kk + BLOCK : n;
            for (u32 jj = 0; jj < n; jj += BLOCK) {
                u32 j_end = jj + BLOCK < n ? jj + BLOCK : n;
                for (u32 i = ii; i < i_end; i++) {
                    double *c_row = row(c, i);
                    const double *a_row = row(a, i);
                    for (u32 k = kk; k < k_end; k++) {
                        double scale = a_row[k];
                        const double *b_row = row(b, k);
                        for (u32 j = jj; j < j_end; j++) c_row[j] += scale * b_row[j];
                    }
                }
            }
        }
    }
}

static void multiply_vector(const Matrix *m, const double *x, double *out) {
    for (u32 i = 0; i < m->n; i++) {
        const double *r = row(m, i);
        double sum = 0;
        for (u32 j = 0; j < m->n; j++) sum += r[j] * x[j];
        out[i] = sum;
    }
}

// In-place LU factorization with partial pivoting: afterwards the strict lower triangle holds L
// (unit diagonal implied), the upper triangle U, and pivot[k] the row swapped into row k.
// Returns the number of row swaps, or -1 if a pivot is zero.
static int factor(Matrix *m, u32 *pivot) {
    u32 n = m->n;
    int swaps = 0;
    for (u32 k = 0; k < n; k++) {
        u32 best = k;
        double best_value = fabs_(row(m, k)[k]);
        for (u32 i = k + 1; i < n; i++) {
            double value = fabs_(row(m, i)[k]);
            if (value > best_value) {
                best = i;
                best_value = value;
            }
        }
        pivot[k] = best;
        if (best_value == 0) return -1;
        if (best != k) {
            double *r1 = row(m, k), *r2 = row(m, best);
            for (u32 j = 0; j < n; j++) {
                double t = r1[j];
                r1[j] = r2[j];
                r2[j] = t;
            }
            swaps++;
        }
        const double *pivot_row = row(m, k);
        double inverse = 1.0 / pivot_row[k];
        for (u32 i = k + 1; i < n; i++) {
            double *r = row(m, i);
            double factor_ = r[k] * inverse;
            r[k] = factor_;
            for (u32 j = k + 1; j < n; j++) r[j] -= factor_ * pivot_row[j];
        }
    }
    return swaps;
}

// Solves L·U·x = P·b in place (b becomes x).
static void solve(const Matrix *lu, const u32 *pivot, double *b) {
    u32 n = lu->n;
    for (u32 k = 0; k < n; k++) {
        if (pivot[k] != k) {
            double t = b[k];
            b[k] = b[pivot[k]];
            b[pivot[k]] = t;
        }
    }
    for (u32 i = 0; i < n; i++) {
        const double *r = row(lu, i);
        double sum = b[i];
        for (u32 j = 0; j < i; j++) sum -= r[j] * b[j];
        b[i] = sum;
    }
    for (u32 i = n; i-- > 0;) {
        const double *r = row(lu, i);
        double sum = b[i];
        for (u32 j = i + 1; j < n; j++) sum -= r[j] * b[j];
        b[i] = sum / r[i];
    }
}

static u32 low_bits(double value) {
    union { double d; u64 bits; } u = {value};
    return (u32)u.bits;
}

static u32 high_bits(double value) {
    union { double d; u64 bits; } u = {value};
    return (u32)(u.bits >> 32);
}

static u32 mix_double(u32 hash, double value) {
    return mix(mix(hash, low_bits(value)), high_bits(value));
}

EXPORT(matrix) u32 matrix(u32 n) {
    if (n == 0 || n > 2048) return 0;
    u32 square = n * n * 8;
    u8 *memory = scratch(4 * square + 4 * n * 8 + n * 4 + 256);
    if (!memory) return 0;
    Arena arena = {memory};
    Matrix a = {n, arena_take(&arena, square)};
    Matrix b = {n, arena_take(&arena, square)};
    Matrix c = {n, arena_take(&arena, square)};
    Matrix lu = {n, arena_take(&arena, square)};
    double *expected_x = arena_take(&arena, n * 8);
    double *rhs = arena_take(&arena, n * 8);
    double *x = arena_take(&arena, n * 8);
    double *check = arena_take(&arena, n * 8);
    u32 *pivot = arena_take(&arena, n * 4);

    fill(&a, 0x12345678u);
    fill(&b, 0x9ABCDEF1u);
    multiply(&a, &b, &c);
    double trace = 0;
    for (u32 i = 0; i < n; i++) {
        row(&c, i)[i] += (double)n;
        trace += row(&c, i)[i];
    }
    for (u32 i = 0; i < n; i++) expected_x[i] = (double)(i + 1);
    multiply_vector(&c, expected_x, rhs);

    for (u32 i = 0; i < n * n; i++) lu.a[i] = c.a[i];
    int swaps = factor(&lu, pivot);
    if (swaps < 0) return 0;
    for (u32 i = 0; i < n; i++) x[i] = rhs[i];
    solve(&lu, pivot, x);

    // The residual and the error against the known solution.
    multiply_vector(&c, x, check);
    double residual = 0, error = 0;
    for (u32 i = 0; i < n; i++) {
        double r = fabs_(check[i] - rhs[i]);
        if (r > residual) residual = r;
        double e = fabs_(x[i] - expected_x[i]);
        if (e > error) error = e;
    }
    if (!(error < 1e-6)) return 0;

    // The determinant as sign · 2^exponent · mantissa, kept in range while multiplying.
    double mantissa = swaps % 2 ? -1.0 : 1.0;
    int exponent = 0;
    for (u32 i = 0; i < n; i++) {
        mantissa *= row(&lu, i)[i];
        while (fabs_(mantissa) >= 2.0) {
            mantissa *= 0.5;
            exponent++;
        }
        while (fabs_(mantissa) < 1.0 && mantissa != 0) {
            mantissa *= 2.0;
            exponent--;
        }
    }

    u32 hash = FNV_OFFSET;
    for (u32 i = 0; i < n; i++) hash = mix_double(hash, x[i]);
    hash = mix_double(hash, residual);
    hash = mix_double(hash, trace);
    hash = mix_double(hash, mantissa);
    hash = mix(hash, (u32)exponent);
    for (u32 i = 0; i < n; i++) hash = mix(hash, pivot[i]);
    return hash;
}
