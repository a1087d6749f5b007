/* Directory trees: nested directories, files in them, a sorted recursive walk with sizes,
 * symbolic links, and removal of the whole tree. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "errnames.h"

static int compare(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in a directory, without . and .., sorted. */
static int names(const char *path, char ***result) {
    DIR *directory = opendir(path);
    if (!directory) return -1;
    int count = 0, capacity = 8;
    char **list = malloc(sizeof(char *) * capacity);
    struct dirent *entry;
    while ((entry = readdir(directory))) {
        if (!strcmp(entry->d_name, ".") || !strcmp(entry->d_name, "..")) continue;
        if (count == capacity) list = realloc(list, sizeof(char *) * (capacity *= 2));
        list[count++] = strdup(entry->d_name);
    }
    closedir(directory);
    qsort(list, count, sizeof(char *), compare);
    *result = list;
    return count;
}

static void walk(const char *path, int depth, int removing) {
    char **list;
    int count = names(path, &list);
    for (int i = 0; i < count; i++) {
        char child[512];
        snprintf(child, sizeof child, "%s/%s", path, list[i]);
        struct stat status;
        lstat(child, &status);
        if (!removing) {
            const char *kind = S_ISDIR(status.st_mode) ? "dir " : S_ISLNK(status.st_mode) ? "link" : "file";
            printf("%*s%s %s (%lld bytes)\n", depth * 2, "", kind, list[i],
                   S_ISDIR(status.st_mode) ? 0LL : (long long)status.st_size);
        }
        if (S_ISDIR(status.st_mode)) walk(child, depth + 1, removing);
        if (removing) {
            int result = S_ISDIR(status.st_mode) ? rmdir(child) : unlink(child);
            if (result != 0) printf("cannot remove %s: %s\n", child, errname(errno));
        }
        free(list[i]);
    }
    free(list);
}

int main(void) {
    const char *directories[] = {"tree", "tree/a", "tree/a/deep", "tree/a/deep/er", "tree/b", "tree/c"};
    for (int i = 0; i < 6; i++) {
        if (mkdir(directories[i], 0755) != 0) printf("mkdir %s: %s\n", directories[i], errname(errno));
    }
    for (int i = 0; i < 12; i++) {
        char path[64];
        snprintf(path, sizeof path, "tree/%s/file%02d.txt", i % 3 == 0 ? "a" : i % 3 == 1 ? "b" : "a/deep/er", i);
        FILE *file = fopen(path, "w");
        for (int j = 0; j <= i; j++) fprintf(file, "%d\n", j * j);
        fclose(file);
    }
    if (symlink("a/deep", "tree/shortcut") != 0) printf("symlink: %s\n", errname(errno));
    char target[64] = {0};
    ssize_t length = readlink("tree/shortcut", target, sizeof target - 1);
    printf("tree/shortcut -> %s (%zd bytes)\n", target, length);
    struct stat through;
    printf("stat through the link: %s\n", stat("tree/shortcut/er/file02.txt", &through) == 0 ? "found" : errname(errno));
    printf("rmdir tree/a: %s\n", rmdir("tree/a") == 0 ? "removed" : errname(errno));
    printf("rmdir tree/c: %s\n", rmdir("tree/c") == 0 ? "removed" : errname(errno));
    printf("opendir tree/missing: %s\n", opendir("tree/missing") ? "opened" : errname(errno));
    walk("tree", 0, 0);
    walk("tree", 0, 1);
    printf("rmdir tree: %s\n", rmdir("tree") == 0 ? "removed" : errname(errno));
    return 0;
}
