/* Files in the current (preopened) directory: create, write, read back, seek, append,
 * truncate, stat, rename, remove, and the errors a program meets on the way. */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "errnames.h"

static void show(const char *what, int result) {
    printf("%-34s -> %d %s\n", what, result, result < 0 ? errname(errno) : "");
}

static long sizeOf(const char *path) {
    struct stat status;
    return stat(path, &status) == 0 ? (long)status.st_size : -1;
}

int main(void) {
    FILE *file = fopen("notes.txt", "w");
    if (!file) { printf("cannot create notes.txt: %s\n", errname(errno)); return 1; }
    for (int i = 1; i <= 5; i++) fprintf(file, "line %d of notes\n", i);
    fclose(file);
    printf("notes.txt has %ld bytes\n", sizeOf("notes.txt"));

    file = fopen("notes.txt", "r");
    char line[128];
    while (fgets(line, sizeof line, file)) printf("read: %s", line);
    fseek(file, 5, SEEK_SET);
    long position = ftell(file);
    int next = fgetc(file);
    printf("after fseek(5): ftell = %ld, next char '%c'\n", position, next);
    fseek(file, -6, SEEK_END);
    fgets(line, sizeof line, file);
    printf("last 6 bytes: %s", line);
    fclose(file);

    file = fopen("notes.txt", "a");
    fputs("appended line\n", file);
    fclose(file);
    printf("after append: %ld bytes\n", sizeOf("notes.txt"));

    int fd = open("notes.txt", O_RDWR);
    show("open notes.txt O_RDWR", fd >= 0 ? 0 : -1);
    char bytes[8] = {0};
    show("pread 4 bytes at 10", (int)pread(fd, bytes, 4, 10));
    printf("pread got \"%s\"\n", bytes);
    show("pwrite \"LINE\" at 0", (int)pwrite(fd, "LINE", 4, 0));
    show("lseek to end", (int)lseek(fd, 0, SEEK_END));
    show("ftruncate to 20", ftruncate(fd, 20));
    close(fd);
    file = fopen("notes.txt", "r");
    size_t count = fread(line, 1, sizeof line - 1, file);
    line[count] = 0;
    printf("after pwrite and truncate (%zu bytes): %s|\n", count, line);
    fclose(file);

    show("open missing.txt", open("missing.txt", O_RDONLY));
    show("open notes.txt O_CREAT|O_EXCL", open("notes.txt", O_WRONLY | O_CREAT | O_EXCL, 0644));
    show("rename notes.txt -> kept.txt", rename("notes.txt", "kept.txt"));
    printf("notes.txt size %ld, kept.txt size %ld\n", sizeOf("notes.txt"), sizeOf("kept.txt"));
    show("mkdir box", mkdir("box", 0755));
    show("mkdir box again", mkdir("box", 0755));
    show("rename kept.txt -> box/kept.txt", rename("kept.txt", "box/kept.txt"));
    show("rmdir box (not empty)", rmdir("box"));
    show("unlink box (a directory)", unlink("box"));
    show("open box/kept.txt/x", open("box/kept.txt/x", O_RDONLY));
    show("access box/kept.txt", access("box/kept.txt", F_OK));
    show("remove box/kept.txt", remove("box/kept.txt"));
    show("remove box", remove("box"));
    show("access box", access("box", F_OK));
    return 0;
}
