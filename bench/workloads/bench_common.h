/* Shared by the benchmark workloads: a monotonic clock and the one result line that
 * scripts/bench.sh parses. The line goes to $BENCH_RESULT when set, so a tracer that
 * writes to stdout/stderr cannot interleave with it; otherwise to stdout. */
#ifndef BENCH_COMMON_H
#define BENCH_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static inline long long bench_now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static inline long bench_iterations(int argc, char **argv, long fallback)
{
	long n = argc > 1 ? strtol(argv[1], NULL, 10) : fallback;
	return n > 0 ? n : fallback;
}

static inline void bench_report(long calls, long long ns)
{
	const char *path = getenv("BENCH_RESULT");
	FILE *out = path && *path ? fopen(path, "w") : stdout;
	if (!out)
		out = stdout;
	fprintf(out, "calls=%ld ns=%lld\n", calls, ns);
	if (out != stdout)
		fclose(out);
	else
		fflush(stdout);
}

#endif
