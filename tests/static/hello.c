/* Linked statically, so that it runs in a root that holds nothing but itself and etrace. Its
 * trace: the write and exit_group below (the static C library makes a few calls before main). */
#include <string.h>
#include <unistd.h>

int main(void) {
  static const char msg[] = "hello from an empty root\n";
  if (write(1, msg, strlen(msg)) != (ssize_t)strlen(msg)) return 1;
  _exit(0);
}
