/* Starts N threads (default 1100) that are all alive at once: each calls
 * access("/etrace-thread-K") once, waits until every thread has, then exits. With -ff every
 * thread has a file of its own open at the same time: more than a 1024-descriptor limit allows. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static pthread_barrier_t all_called;

static void *thread_main(void *arg)
{
	char path[64];
	snprintf(path, sizeof(path), "/etrace-thread-%ld", (long)arg);
	access(path, F_OK);
	pthread_barrier_wait(&all_called);
	return NULL;
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 1100;
	pthread_t *threads = calloc((size_t)n, sizeof(*threads));
	pthread_attr_t attr;
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, 64 * 1024);
	pthread_barrier_init(&all_called, NULL, (unsigned)n);
	for (long i = 0; i < n; i++)
		if (pthread_create(&threads[i], &attr, thread_main, (void *)i) != 0) {
			perror("pthread_create");
			return 1;
		}
	for (long i = 0; i < n; i++)
		pthread_join(threads[i], NULL);
	printf("%ld\n", n);
	return 0;
}
