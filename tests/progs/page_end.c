/* Outputs placed right before an unmapped page, as strace's own tests place them: the kernel
 * writes back a sockaddr's full length though the buffer holds less, so reading that length
 * faults; etrace shows what lies before the page's end. Prints, on stdout, the exact lines etrace
 * must show (strace 6.1 prints the same). */
#define _GNU_SOURCE
#include <asm/prctl.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>

int main(void)
{
	const long page = sysconf(_SC_PAGESIZE);
	char *m = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (m == MAP_FAILED || munmap(m + page, page))
		return 1;
	char *end = m + page;

	static const char name[] = "\0etrace-page-end-name";
	struct sockaddr_un a = {.sun_family = AF_UNIX};
	memcpy(a.sun_path, name, sizeof(name) - 1);
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);
	if (fd < 0 || bind(fd, (struct sockaddr *)&a, offsetof(struct sockaddr_un, sun_path) + sizeof(name) - 1))
		return 1;
	socklen_t len = 16;
	if (getsockname(fd, (struct sockaddr *)(end - 16), &len))
		return 1;
	/* 16 bytes: the family and the name's first 14 (its leading NUL makes it abstract). */
	printf("getsockname(%d, {sa_family=AF_UNIX, sun_path=@\"etrace-page-e\"}, [16 => %u]) = 0\n", fd, len);

	unsigned long *base = (unsigned long *)(end - sizeof(*base));
	if (syscall(SYS_arch_prctl, ARCH_GET_FS, base))
		return 1;
	printf("arch_prctl(ARCH_GET_FS, [%#lx]) = 0\n", *base);
	return 0;
}
