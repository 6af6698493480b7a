/* 4 threads each making N/4 getppid() calls at once: a tracer with a shared lock or a
 * single consumer shows up here as contention. "calls" is the total. */
#include "bench_common.h"

#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

#define THREADS 4

static long per_thread;
static pthread_barrier_t ready;

static void *worker(void *unused)
{
	(void)unused;
	pthread_barrier_wait(&ready);
	/* syscall() so no libc caching can skip the kernel. */
	for (long i = 0; i < per_thread; i++)
		syscall(SYS_getppid);
	return NULL;
}

int main(int argc, char **argv)
{
	long n = bench_iterations(argc, argv, 1000000);
	per_thread = n / THREADS;
	pthread_t tids[THREADS];
	pthread_barrier_init(&ready, NULL, THREADS + 1);
	for (int i = 0; i < THREADS; i++)
		if (pthread_create(&tids[i], NULL, worker, NULL) != 0)
			return 1;
	/* Thread creation stays outside the measured section. */
	long long start = bench_now_ns();
	pthread_barrier_wait(&ready);
	for (int i = 0; i < THREADS; i++)
		pthread_join(tids[i], NULL);
	long long ns = bench_now_ns() - start;
	bench_report(per_thread * THREADS, ns);
	return 0;
}
