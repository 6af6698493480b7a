/* Runs until killed, making one marker call every 20 ms: a target for -p and --comm.
 * With an argument N it stops after N ticks. Its threads tick too (-p covers every thread). */
#include <pthread.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static void tick_forever(const char *path, int n)
{
	struct timespec ts = {0, 20 * 1000 * 1000};
	for (int i = 0; n <= 0 || i < n; i++) {
		access(path, 0);
		nanosleep(&ts, NULL);
	}
}

static void *thread_main(void *arg)
{
	tick_forever("/etrace-tick-thread", *(int *)arg);
	return NULL;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 0;
	pthread_t t;
	pthread_create(&t, NULL, thread_main, &n);
	tick_forever("/etrace-tick-main", n);
	pthread_join(t, NULL);
	return 0;
}
