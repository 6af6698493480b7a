/* Waiting on fds: poll, select, epoll, eventfd, timerfd, pipe2, dup2/dup3, fcntl and ioctl(FIONREAD). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <sys/timerfd.h>
#include <unistd.h>

int main(void)
{
	int p[2];
	pipe2(p, O_CLOEXEC);
	write(p[1], "ready", 5);
	struct pollfd pfd[2] = {{p[0], POLLIN, 0}, {p[1], POLLOUT, 0}};
	poll(pfd, 2, 100);
	fd_set rs;
	FD_ZERO(&rs);
	FD_SET(p[0], &rs);
	struct timeval tv = {1, 0};
	select(p[0] + 1, &rs, NULL, NULL, &tv);
	int n = 0;
	ioctl(p[0], FIONREAD, &n);
	int fl = fcntl(p[0], F_GETFL);
	fcntl(p[0], F_SETFL, fl | O_NONBLOCK);
	fcntl(p[0], F_GETFD);
	int d = fcntl(p[0], F_DUPFD_CLOEXEC, 10);
	dup2(d, 20);
	dup3(d, 21, O_CLOEXEC);
	close(20);
	close(21);
	close(d);

	int ep = epoll_create1(EPOLL_CLOEXEC);
	struct epoll_event ev = {.events = EPOLLIN | EPOLLET, .data.u64 = 42};
	epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev);
	struct epoll_event out[4];
	epoll_wait(ep, out, 4, 100);
	int efd = eventfd(3, EFD_NONBLOCK | EFD_CLOEXEC);
	uint64_t v = 0;
	read(efd, &v, sizeof(v));
	v = 5;
	write(efd, &v, sizeof(v));
	int tfd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
	struct itimerspec its = {{0, 0}, {0, 10000000}};
	timerfd_settime(tfd, 0, &its, NULL);
	ev.events = EPOLLIN;
	ev.data.fd = tfd;
	epoll_ctl(ep, EPOLL_CTL_ADD, tfd, &ev);
	epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL);
	epoll_wait(ep, out, 4, 1000);
	read(tfd, &v, sizeof(v));
	char buf[8];
	read(p[0], buf, sizeof(buf));
	close(tfd);
	close(efd);
	close(ep);
	close(p[0]);
	close(p[1]);
	return 0;
}
