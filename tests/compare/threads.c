/* Threads: two pthreads that each sleep, write to a pipe and exit; the main thread reads and joins them. */
#include <pthread.h>
#include <stdint.h>
#include <time.h>
#include <unistd.h>

static int fds[2];

static void *worker(void *arg)
{
	struct timespec ts = {0, 30000000 * (long)(intptr_t)arg};
	nanosleep(&ts, NULL);
	char msg[] = "thread N\n";
	msg[7] = (char)('0' + (intptr_t)arg);
	write(fds[1], msg, sizeof(msg) - 1);
	nanosleep(&ts, NULL); /* still running when main joins: the join always waits in futex */
	return NULL;
}

int main(void)
{
	pipe(fds);
	pthread_t t1, t2;
	pthread_create(&t1, NULL, worker, (void *)1);
	pthread_join(t1, NULL);
	pthread_create(&t2, NULL, worker, (void *)2);
	char buf[32];
	read(fds[0], buf, sizeof(buf));
	read(fds[0], buf, sizeof(buf));
	pthread_join(t2, NULL);
	close(fds[0]);
	close(fds[1]);
	return 0;
}
