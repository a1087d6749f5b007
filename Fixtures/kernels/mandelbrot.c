// mandelbrot(size): how many points of a size x size grid over [-1.5, 0.5] x [-1, 1] stay
// within |z| <= 2 for 50 iterations of z = z^2 + c (as in the Computer Language Benchmarks
// Game). f64 multiply, add, subtract and compare; no memory.
int mandelbrot(int size) {
    int count = 0;
    for (int y = 0; y < size; y++) {
        double ci = 2.0 * y / size - 1.0;
        for (int x = 0; x < size; x++) {
            double cr = 2.0 * x / size - 1.5;
            double zr = 0.0, zi = 0.0, tr = 0.0, ti = 0.0;
            int i = 0;
            for (; i < 50 && tr + ti <= 4.0; i++) {
                zi = 2.0 * zr * zi + ci;
                zr = tr - ti + cr;
                tr = zr * zr;
                ti = zi * zi;
            }
            if (tr + ti <= 4.0) count++;
        }
    }
    return count;
}
