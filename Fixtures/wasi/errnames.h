/* Errno values by name: their numbers differ between the host's C library and wasi-libc. */
#include <errno.h>

static const char *errname(int error) {
    switch (error) {
    case 0: return "0";
    case ENOENT: return "ENOENT";
    case EEXIST: return "EEXIST";
    case ENOTDIR: return "ENOTDIR";
    case EISDIR: return "EISDIR";
    case ENOTEMPTY: return "ENOTEMPTY";
    case EACCES: return "EACCES";
    case EPERM: return "EPERM";
    case EBADF: return "EBADF";
    case EINVAL: return "EINVAL";
    case ELOOP: return "ELOOP";
    case ESPIPE: return "ESPIPE";
    default: return "other";
    }
}
